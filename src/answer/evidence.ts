// How well a figure's own words cover what a question asks: its clause, sentence, passage and the
// report's title, word by word, with accents respected when the question is typed with them.
// Ranking adds it to a figure's score; the answer abstains ("không tìm thấy") when it is too low.

import type { Figure } from '../extract/types.ts';
import { countFamily, isMoneyUnit, isPercentUnit } from '../extract/units.ts';
import { headingLevel } from '../ingest/passages.ts';
import type { Report } from '../ingest/types.ts';
import { ABBREVIATIONS_FOLDED } from '../lexicon/abbreviations.ts';
import { findMetricMentions, isPlanMetric } from '../lexicon/metrics.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { findPeriods } from '../text/periods.ts';
import { blockStartAbove, isTableRow, MAX_ROW, rowStartOf } from '../text/table-lines.ts';

/** A content syllable of a question. */
export interface Term {
  /** Folded ("ngheo"). */
  folded: string;
  /** Accent key when the question wrote the syllable with marks ("nghèo" → "ngheo`"); null when typed plain. */
  key: string | null;
  /** Folded expansion when the syllable is an abbreviation ("xkld" → xuat khau lao dong). */
  expansion: string[];
  /** A word the answer cannot do without ("nhất" in "cao nhất"): missing, the figure does not answer. */
  required?: boolean;
  /** Lexicon metrics whose phrase in the question holds the syllable, or that the abbreviation names ("XKLĐ"). */
  metrics: string[];
  /** A word of a programme's name ("chương trình xóa nhà tạm"): a report about the programme (its title) covers it. */
  programme?: boolean;
}

export interface Evidence {
  /** 0–1: weighted share of the question's terms found (clause 1, sentence 0.6, passage 0.5, title 0.25). */
  coverage: number;
  /** Terms found nowhere near the figure, as the question wrote them (folded). */
  missing: string[];
}

/**
 * A programme named in a question ("trong chương trình xóa nhà tạm", "Tiểu dự án 3", "phong trào
 * …"), folded: its words name the report's or the section's subject, rarely repeated beside each figure.
 */
const PROGRAMME_NAME = /(?<![a-z])(?:chuong trinh|tieu du an|du an|de an|phong trao|cuoc van dong)\s+[^,.;:?!()]+/g;

/** Words of a question that ask, locate or time rather than name what is counted. */
const FILLER = new Set(
  (
    'la bao nhieu co nam cua va o tai trong cho duoc da voi the nao nhu ra sao khong gi hay hoi biet xin vui long minh toi ban a nhe thi ' +
    'con so dat den cuoi dau thang quy nay hien tinh huyen xa thanh pho tp thi tran quan phuong toan chung cac nhung mot moi khoang tong ' +
    'cong lai sau truoc tu khi luc ky dip qua vao len xuong may lan bang chi rieng dung phai ca hai ben nao noi dia phuong ve theo giai doan ' +
    'ke tinh uoc bq tb duoc vi do boi het thieu ' +
    // Words that ask for an operation on figures, not for a figure: "chênh lệch", "cao hơn", "suy ra".
    'chenh lech nhau sanh giua cao thap hon kem suy binh quan trung diem gap chinh xac chiem ' +
    // The body that acts or assigns ("UBND tỉnh giao"), like a place, says who, not what is counted.
    'ubnd hdnd ' +
    // Words that point at the question's own inputs: "dựa vào … của nhóm này".
    'dua nhom'
  ).split(' '),
);

/** What a unit says by itself: "chiếm 11,24%" answers "tỷ lệ" or "tỷ trọng", "18 tỷ đồng" answers "kinh phí". */
const PERCENT_WORDS = ['ty', 'le', 'phan', 'tram', 'trong'];
const MONEY_WORDS = ['kinh', 'phi', 'tien', 'von', 'dong', 'trieu', 'ty', 'nghin', 'ngan', 'sach', 'gia', 'tri'];

/** What a figure's kind says by itself: a target answers "kế hoạch", a change "giảm". */
const TARGET_WORDS = [
  'ke',
  'hoach',
  'chi',
  'tieu',
  'muc',
  'phan',
  'dau',
  'du',
  'kien',
  'bao',
  'dinh',
  'huong',
  'giao',
  'kh',
];
const ATTAINMENT_WORDS = ['ke', 'hoach', 'chi', 'tieu', 'muc', 'hoan', 'thanh', 'kh', 'vuot'];

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** tỷ/tỉ, kỹ/kĩ, lý/lí, quý/quí: one spelling for the two conventions. */
function unifyY(folded: string): string {
  return /^(?:t|k|l|m|s|h|qu)i$/.test(folded) ? `${folded.slice(0, -1)}y` : folded;
}

/** A syllable with its tone moved to the end, so "hoà" and "hòa" meet and "tăng" ≠ "tàng". */
export function syllableKey(s: string): string {
  const d = s.toLowerCase().normalize('NFD');
  const tones = (d.match(TONES) ?? []).join('');
  let base = d.replace(TONES, '').normalize('NFC');
  if (/^(?:t|k|l|m|s|h|qu)i$/.test(foldAligned(base)) && !/[^\x00-\x7f]/.test(base)) base = `${base.slice(0, -1)}y`;
  return base + tones;
}

/**
 * The same words as they are written with accents. In a question typed with accents a syllable is
 * filler only in its own spelling: "mỗi" asks, "mới" (xây mới) names; "bên" asks, "bền" (bền vững)
 * names; "giai đoạn" times, "giải ngân" names; "quý" times, "quỹ" names.
 */
const FILLER_ACCENTED = new Set(
  (
    'là bao nhiêu có năm của và ở tại trong cho được đã với thế nào như ra sao không gì hay hỏi biết xin vui lòng mình tôi bạn à nhé thì ' +
    'con còn số đạt đến cuối đầu tháng quý này hiện tỉnh huyện xã thành phố tp thị trấn quận phường toàn chung các những một mỗi khoảng tổng ' +
    'cộng lại sau trước từ khi lúc kỳ dịp qua vào lên xuống mấy lần bằng chỉ riêng đúng phải cả hai bên nào nơi địa phương về theo giai đoạn ' +
    'kể kế tính ước bq tb vì do bởi hết thiếu để ' +
    'chênh lệch nhau so sánh giữa cao thấp hơn kém suy bình quân trung điểm gấp chính xác chiếm ' +
    // Words about the report itself: "theo báo cáo", "số liệu".
    'báo cáo liệu ' +
    'ubnd hđnd dựa nhóm hãy'
  )
    .split(' ')
    .map((w) => syllableKey(w)),
);

const hasMarks = (s: string) => /[^\x00-\x7f]/.test(s);
const SYLLABLE = /[\p{L}\p{N}]+/gu;

/** A text with its abbreviations written out ("NLĐ" → "người lao động"), for the lexicon to read. */
function expandedText(text: string): string {
  return text.replace(/[\p{L}\p{N}&-]+/gu, (w) => {
    const e = expansionOf(w);
    return e.length ? e.join(' ') : w;
  });
}

function expansionOf(token: string): string[] {
  const folded = foldAligned(token).replace(/[^a-z0-9]/g, '');
  const capitals = token.length >= 2 && token === token.toUpperCase() && /\p{L}/u.test(token);
  if (!capitals && /[aeiouy]/.test(folded)) return [];
  const a = ABBREVIATIONS_FOLDED.get(folded);
  return a
    ? foldAligned(a.expansion)
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
    : [];
}

/**
 * The question's content syllables: what is left once places, periods, numbers and the words that
 * ask ("bao nhiêu", "là") are set aside.
 * @example questionTerms('Năm 2024 huyện Tuần Giáo hỗ trợ bao nhiêu hộ?', ['tuan giao']) // hỗ, trợ, hộ
 */
export function questionTerms(raw: string, placeNames: string[]): Term[] {
  let text = raw.normalize('NFC');
  // The metric phrases the question uses ("tai nạn lao động"): a figure of that metric covers their
  // words, no others. Read before periods are blanked: "chăm lo Tết Giáp Thìn 2024" ends its
  // phrase with the word that starts its period (blanking keeps offsets, so they still align).
  const mentions = findMetricMentions(foldAligned(text));
  for (const p of findPeriods(text, { bareYear: true }))
    text = `${text.slice(0, p.start)}${' '.repeat(p.end - p.start)}${text.slice(p.end)}`;
  // "(số chính thức)", "theo số liệu chính thức": words about the data's status, not what it counts.
  text = text.replace(/(?<!\p{L})(?:chính|chinh)\s+(?:thức|thuc)(?!\p{L})/giu, (m) => ' '.repeat(m.length));
  const plainText = foldAligned(text);
  const programmes = [...plainText.matchAll(PROGRAMME_NAME)].map(
    (m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const,
  );
  const toks = [...text.matchAll(SYLLABLE)].map((m) => {
    const at = m.index ?? 0;
    const inMetrics = mentions.filter((x) => x.start <= at && at + m[0].length <= x.end).map((x) => x.metricId);
    const programme = programmes.some(([from, to]) => from <= at && at < to);
    return { tok: m[0], folded: unifyY(foldAligned(m[0])), place: false, inMetrics, programme };
  });
  // A place's syllables are set aside where they stand, so "lao" stays in "lao động Lào Cai".
  for (const name of placeNames) {
    const parts = name.split(/\s+/).filter(Boolean).map(unifyY);
    if (!parts.length) continue;
    for (let i = 0; i + parts.length <= toks.length; i++) {
      if (parts.every((w, k) => toks[i + k]?.folded === w))
        for (let k = 0; k < parts.length; k++) (toks[i + k] as { place: boolean }).place = true;
    }
  }
  const out: Term[] = [];
  const seen = new Set<string>();
  const accented = hasMarks(raw);
  for (const { tok, folded, place, inMetrics, programme } of toks) {
    if (place || /^\d/.test(tok)) continue;
    if (folded.length < 2 && !hasMarks(tok)) continue;
    if (accented ? FILLER_ACCENTED.has(syllableKey(tok)) : FILLER.has(folded)) continue;
    // In a question typed with accents a syllable without marks is written so too: "vay vốn" is not "như vậy".
    const key = hasMarks(tok) || (accented && /^\p{Ll}+$/u.test(tok)) ? syllableKey(tok) : null;
    const id = key ?? folded;
    if (seen.has(id)) continue;
    seen.add(id);
    const expansion = expansionOf(tok);
    // "cao nhất", "thấp nhất", "nhiều nhất": only a figure stated as the highest answers.
    const required = folded === 'nhat' && /(?:cao|thap|nhieu|it|lon|nho|manh)\s+nhat/.test(plainText);
    out.push({
      folded,
      key,
      expansion,
      ...(required ? { required } : {}),
      ...(programme ? { programme } : {}),
      metrics: [
        ...inMetrics,
        ...(expansion.length ? findMetricMentions(expansion.join(' ')).map((m) => m.metricId) : []),
      ],
    });
  }
  return out;
}

interface Level {
  folded: Set<string>;
  keys: Set<string>;
  /** Folded syllables of the expansions of the text's abbreviations ("XKLĐ" → xuat khau lao dong). */
  expanded: Set<string>;
}

function levelOf(text: string): Level {
  const folded = new Set<string>();
  const keys = new Set<string>();
  const expanded = new Set<string>();
  for (const m of text.matchAll(SYLLABLE)) {
    const tok = m[0];
    folded.add(unifyY(foldAligned(tok)));
    keys.add(syllableKey(tok));
    for (const w of expansionOf(tok)) {
      folded.add(w);
      expanded.add(w);
    }
  }
  return { folded, keys, expanded };
}

function has(level: Level, t: Term): boolean {
  // Typed with accents, only the same accents count ("tăng" is not "tầng"), except where the text
  // wrote the word as an abbreviation.
  if (t.key ? level.keys.has(t.key) || level.expanded.has(t.folded) : level.folded.has(t.folded)) return true;
  if (t.expansion.length) {
    const hits = t.expansion.filter((w) => level.folded.has(w)).length;
    return hits >= Math.ceil((2 * t.expansion.length) / 3);
  }
  return false;
}

interface FigureLevels {
  clause: Level;
  sentence: Level;
  passage: Level;
  title: Level;
  unitWords: Set<string>;
  /** What the unit counts (people, households …): "bao nhiêu người" is answered by "lao động". */
  family: string | null;
  /** Lexicon metrics the clause and the sentence name by a synonym ("NLĐ đi làm việc ở nước ngoài" for XKLĐ). */
  clauseMetrics: Set<string>;
  sentenceMetrics: Set<string>;
}

const cache = new WeakMap<Figure, FigureLevels>();

/** A number that counts something, not a year or a date: where one figure's words end and the next's begin. */
const COUNTED_NUMBER = /(?<![\d/.,])\d[\d.,]*(?![\d/])/g;
function isCounted(m: RegExpMatchArray): boolean {
  const raw = m[0].replace(/[.,]$/, '');
  return !/^(?:19|20)\d\d$/.test(raw);
}

/**
 * The figure's own clause: the words between the neighbouring counted numbers of its sentence (or a
 * ";"), at most 90 characters before and 70 after, so "344 người bị nạn, 41 người chết" gives
 * 41 only "người chết".
 */
function clauseOf(f: Figure, report: Report): string {
  const t = report.text;
  // A cell of a piped table: its row's label (first cell) and the cell itself ("Số người chết (người) … 41").
  const rowStart = rowStartOf(t, f.start);
  const barAt = rowStart < 0 ? -1 : t.slice(rowStart, f.start).indexOf('|');
  if (barAt >= 0 && isTableRow(t, rowStart)) {
    const firstBar = rowStart + barAt;
    const cellStart = rowStart + t.slice(rowStart, f.start).lastIndexOf('|') + 1;
    const rest = t.slice(f.end, f.end + MAX_ROW);
    const nextBar = rest.indexOf('|');
    const lineEnd = rest.indexOf('\n');
    const cellEnd = f.end + Math.min(nextBar < 0 ? rest.length : nextBar, lineEnd < 0 ? rest.length : lineEnd);
    return `${t.slice(rowStart, firstBar)} ${t.slice(cellStart, cellEnd)}`;
  }
  // A line ends a clause too: table rows and list items are one line each.
  let start = Math.max(
    f.sentenceStart,
    t.lastIndexOf(';', f.start - 1) + 1,
    t.lastIndexOf('\n', f.start - 1) + 1,
    f.start - 90,
  );
  const semi = t.indexOf(';', f.end);
  const line = t.indexOf('\n', f.end);
  let end = Math.min(f.sentenceEnd, semi < 0 ? f.sentenceEnd : semi, line < 0 ? f.sentenceEnd : line, f.end + 70);
  const from = start;
  for (const m of t.slice(from, f.start).matchAll(COUNTED_NUMBER))
    if (isCounted(m)) start = from + (m.index ?? 0) + m[0].length;
  const after = t.slice(f.end, end);
  for (const m of after.matchAll(COUNTED_NUMBER)) {
    if (!isCounted(m)) continue;
    end = f.end + (m.index ?? 0);
    break;
  }
  return t.slice(start, end);
}

/**
 * For a table row: the first lines of the unbroken block of lines above it (caption
 * and header: "Bảng 2. Nhà ở hỗ trợ hộ nghèo … (đơn vị: căn)"), which say what every row counts.
 * '' for a figure in running text or a list item.
 */
export function captionAbove(text: string, at: number): string {
  const line = rowStartOf(text, at);
  // Only a table row: a list item under "Trong đó:" is a part of its introduction's total, not described by it.
  if (!isTableRow(text, line)) return '';
  const start = blockStartAbove(text, line);
  if (start === line) return '';
  const block = text.slice(start, line);
  const first = block.indexOf('\n');
  const second = first < 0 ? -1 : block.indexOf('\n', first + 1);
  return second < 0 ? block : block.slice(0, second);
}

/**
 * The nearest heading above a figure, within a few lines ("2. Số liệu tổng hợp chính thức 9 tháng"
 * over its paragraph): it says which of a report's figures these are, as a passage does.
 */
export function headingAbove(text: string, at: number): string {
  let end = text.lastIndexOf('\n', at - 1);
  for (let k = 0; k < 12 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() && headingLevel(line) > 0) return line;
    end = start - 1;
  }
  return '';
}

function levelsOf(f: Figure, report: Report): FigureLevels {
  let l = cache.get(f);
  if (!l) {
    const passage = report.passages.find((p) => p.start <= f.start && f.start < p.end);
    const unitWords = new Set(
      foldAligned(f.unit)
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
    if (isPercentUnit(f.unit)) for (const w of PERCENT_WORDS) unitWords.add(w);
    if (isMoneyUnit(f.unit)) for (const w of MONEY_WORDS) unitWords.add(w);
    if (f.kind === 'target') for (const w of TARGET_WORDS) unitWords.add(w);
    if (isPlanMetric(f.metric)) for (const w of ATTAINMENT_WORDS) unitWords.add(w);
    const clauseText = clauseOf(f, report);
    const sentenceText = `${report.text.slice(f.sentenceStart, f.sentenceEnd)} ${captionAbove(report.text, f.start)}`;
    const metricsIn = (t: string) => new Set(findMetricMentions(foldAligned(expandedText(t))).map((m) => m.metricId));
    l = {
      clauseMetrics: metricsIn(clauseText),
      sentenceMetrics: metricsIn(sentenceText),
      clause: levelOf(`${clauseText} ${f.label}`),
      sentence: levelOf(sentenceText),
      passage: levelOf(
        `${passage ? report.text.slice(passage.start, passage.end) : ''} ${headingAbove(report.text, f.start)}`,
      ),
      title: levelOf(report.title),
      unitWords,
      family: countFamily(f.unit),
    };
    cache.set(f, l);
  }
  return l;
}

/** Weight of the nearest place a term is found for a figure: 1 clause (or unit, or the asked metric's words), 0.9 a programme's name in its report's title, 0.6 sentence (or a metric's words in the title), 0.5 passage, 0.25 title, 0. */
function termWeight(t: Term, l: FigureLevels, metric: string | null, titledProgramme = false): number {
  if (has(l.clause, t) || l.unitWords.has(t.folded) || (l.family !== null && countFamily(t.folded) === l.family))
    return 1;
  if (metric && t.metrics.includes(metric)) return 0.9;
  // An abbreviation or a metric's phrase the figure's words say with another synonym: "XKLĐ" and
  // "NLĐ đi làm việc ở nước ngoài theo HĐ" name one metric.
  if (t.expansion.length && t.metrics.some((m) => l.clauseMetrics.has(m))) return 1;
  if (t.expansion.length && t.metrics.some((m) => l.sentenceMetrics.has(m))) return 0.6;
  // A programme's name in the report's title: the report, and so the figure, is about that programme.
  if (t.programme && titledProgramme && has(l.title, t)) return 0.9;
  if (has(l.sentence, t)) return 0.6;
  if (has(l.passage, t)) return 0.5;
  // A metric's words in the title name what the whole report counts ("… hoàn thành xóa nhà tạm, nhà dột nát").
  if (has(l.title, t)) return t.metrics.length ? 0.6 : 0.25;
  return 0;
}

/**
 * Coverage of the terms by one figure or, for answers built from several, by the best of them
 * per term; `computedUnits`, the units of the answer's computations, cover their own words. `askedMetrics`: the lexicon metrics the question names; a figure of one of them
 * covers the words of that metric's synonyms.
 */
export function evidenceOf(
  allTerms: Term[],
  figures: { figure: Figure; report: Report }[],
  askedMetrics: string[],
  computedUnits: string[] = [],
): Evidence {
  // A computed share answers "bao nhiêu phần trăm" itself, as a figure's unit would.
  const computed = computedUnits.length
    ? new Set(
        computedUnits.flatMap((u) =>
          isPercentUnit(u) ? PERCENT_WORDS : isMoneyUnit(u) ? MONEY_WORDS : foldAligned(u).split(/[^a-z0-9]+/),
        ),
      )
    : null;
  const terms = allTerms.filter((t) => !computed?.has(t.folded));
  if (!terms.length || !figures.length) return { coverage: figures.length ? 1 : 0, missing: [] };
  // The title names the programme asked when it holds most of the programme's words, not a few shared ones.
  const programme = terms.filter((t) => t.programme);
  const titles = (l: FigureLevels) =>
    programme.length > 0 && programme.filter((t) => has(l.title, t)).length >= Math.ceil((2 * programme.length) / 3);
  const levels = figures.map(({ figure, report }) => {
    const l = levelsOf(figure, report);
    return { l, m: askedMetrics.includes(figure.metric) ? figure.metric : null, p: titles(l) };
  });
  let sum = 0;
  let requiredMissing = false;
  const missing: string[] = [];
  for (const t of terms) {
    let w = 0;
    for (const { l, m, p } of levels) w = Math.max(w, termWeight(t, l, m, p));
    if (w === 0) missing.push(t.folded);
    if (t.required && w < 0.6) requiredMissing = true;
    sum += w;
  }
  const coverage = sum / terms.length;
  return { coverage: requiredMissing ? Math.min(coverage, 0.5) : coverage, missing };
}

/**
 * Share of the terms a figure's own sentence (or table row with its caption) holds, its unit
 * included: no credit for words that are only elsewhere in its passage. 0–1.
 */
export function sentenceCoverage(terms: Term[], f: Figure, report: Report): number {
  if (!terms.length) return 0;
  const l = levelsOf(f, report);
  return (
    terms.filter(
      (t) =>
        has(l.clause, t) ||
        has(l.sentence, t) ||
        l.unitWords.has(t.folded) ||
        (l.family !== null && countFamily(t.folded) === l.family),
    ).length / terms.length
  );
}

/** The words of a figure's own clause (see clauseOf): what its number counts, as the text says it. */
export function clauseTextOf(f: Figure, report: Report): string {
  return clauseOf(f, report);
}

const bareClauseCache = new WeakMap<Figure, Level>();
const rarityCache = new WeakMap<Report, { n: number; df: Map<string, number> }>();

/** In how many of a report's clauses (split at . ; and line ends) each folded syllable occurs. */
function rarityOf(report: Report) {
  let r = rarityCache.get(report);
  if (!r) {
    const parts = report.text.split(/[.;\n]+/).filter((x) => x.trim());
    const df = new Map<string, number>();
    for (const part of parts) for (const w of new Set(levelOf(part).folded)) df.set(w, (df.get(w) ?? 0) + 1);
    r = { n: parts.length, df };
    rarityCache.set(report, r);
  }
  return r;
}

/**
 * How much of what a claim's clause names is named by a figure's own clause, each word weighted by
 * its rarity in the figure's report: in a report on housing for people with merit, "người có công"
 * is in every sentence and "xây mới" in one, so "xây mới 2.481 căn" is the subject of "xây mới
 * 4.063 căn", not "tổng số 4.063 căn". 0–1.
 */
export function subjectCoverage(terms: Term[], f: Figure, report: Report): number {
  if (!terms.length) return 0;
  const l = levelsOf(f, report);
  // The clause's own words, without the metric's label: a label names the lexicon entry ("hỗ trợ
  // xây mới, sửa chữa nhà ở"), not what this number counts.
  let own = bareClauseCache.get(f);
  if (!own) {
    own = levelOf(clauseOf(f, report));
    bareClauseCache.set(f, own);
  }
  const { n, df } = rarityOf(report);
  let sum = 0;
  let found = 0;
  for (const t of terms) {
    const w = Math.log(1 + n / (1 + (df.get(t.folded) ?? 0)));
    sum += w;
    if (has(own, t) || l.unitWords.has(t.folded) || (l.family !== null && countFamily(t.folded) === l.family))
      found += w;
  }
  return sum ? found / sum : 0;
}

/**
 * How much of a figure's own clause the question asks about: the share of the clause's content
 * syllables that are question terms. "Số người lao động bị chết, bị thương … 344 người" says more
 * than "số người chết" asks; "Số người chết (người) … 41" says just that. 0–1.
 */
export function clausePrecision(terms: Term[], f: Figure, report: Report): number {
  const asked = new Set(terms.flatMap((t) => [t.folded, ...t.expansion]));
  const words = [...levelOf(clauseOf(f, report)).folded].filter(
    (w) => w.length > 1 && !/^\d/.test(w) && !FILLER.has(w),
  );
  if (!words.length) return 0;
  return words.filter((w) => asked.has(w)).length / words.length;
}
