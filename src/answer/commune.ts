// Communes ("xã Tham Đôn", "phường …", "thị trấn …"): the gazetteer stops at districts, so a
// commune is known only by its type word. A question naming one is answered by the commune's own
// figures, never its district's; a commune's own report (its title names it) states the commune's
// figures even where the extractor fell back on the report's district.
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { placeKey } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';

/** "xã Vân Hòa", "Xã Tham Đôn", "phường Hòa Bình": the type word, then one to three capitalised syllables ("thị xã Ninh Hòa" is a district). */
const COMMUNE_WRITTEN =
  /(?<![\p{L}])(?<![Tt]hị\s+)(?:[Xx]ã|[Pp]hường|[Tt]hị trấn)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})/gu;

/**
 * Typed without accents: "xa tham don 2018", "xa tan linh ba vi": two syllables, as most communes'
 * names are (a third would run into the district named after it).
 */
const COMMUNE_PLAIN = /(?:^|[^a-z])(?<!thi )(?:xa|phuong|thi tran)\s+([a-z]+\s+[a-z]+)(?![a-z])/g;
const NOT_A_NAME = new Set(
  'hoi het nam thang co la bao nhieu duoc da con dat ty le ho ngheo can thu nhap mien nui dac biet kho khan vung nong thon moi giai doan tu den khi nao'.split(
    ' ',
  ),
);

/** The communes a question names, folded ("tham don"); none when it names none. */
export function communesAsked(raw: string): string[] {
  const text = raw.normalize('NFC');
  const out = new Set<string>();
  for (const m of text.matchAll(COMMUNE_WRITTEN)) out.add(placeKey(m[1] as string));
  if (!/[^\x00-\x7f]/.test(text)) {
    for (const m of foldAligned(text).toLowerCase().matchAll(COMMUNE_PLAIN)) {
      const words: string[] = [];
      for (const w of (m[1] as string).trim().split(/\s+/)) {
        if (NOT_A_NAME.has(w)) break;
        words.push(w);
      }
      if (words.length >= 2) out.add(words.join(' '));
    }
  }
  return [...out];
}

/** A commune as a figure or report names it: folded key ("tham don") and how an answer writes it ("xã Tham Đôn"). */
export interface Commune {
  key: string;
  written: string;
}

const reportCommunes = new WeakMap<Report, Commune | null>();

/** The commune a report is about: the only one its title names ("Xã Tham Đôn (Mỹ Xuyên): …"), else null. */
export function communeOfReport(report: Report): Commune | null {
  let c = reportCommunes.get(report);
  if (c === undefined) {
    const named = new Map<string, Commune>();
    for (const m of report.title.normalize('NFC').matchAll(COMMUNE_WRITTEN)) {
      const name = m[1] as string;
      const type = m[0]
        .slice(0, m[0].length - name.length)
        .trim()
        .toLowerCase();
      named.set(placeKey(name), { key: placeKey(name), written: `${type} ${name}` });
    }
    c = named.size === 1 ? ([...named.values()][0] as Commune) : null;
    reportCommunes.set(report, c);
  }
  return c;
}

/**
 * The commune a figure is about, or null: its own place when that is a commune; else, in a
 * commune's report, the commune, unless the words before it in its line or sentence name a wider
 * or another unit ("toàn huyện", "các xã", "huyện Ba Vì").
 */
export function communeOfFigure(f: Figure, report: Report): Commune | null {
  if (f.placeLevel === 'commune') return f.place ? { key: placeKey(f.place), written: `xã ${f.place}` } : null;
  const own = communeOfReport(report);
  if (!own || (report.place && f.place !== report.place.name)) return null;
  const t = report.text;
  const from = Math.max(f.sentenceStart, t.lastIndexOf('\n', f.start - 1) + 1, f.start - 160);
  // With accents: folded, "bình quân" would read as a "quận", "tính đến" as a "tỉnh".
  const before = t.slice(from, f.start).normalize('NFC');
  // Another commune by name ("Xã Tản Lĩnh còn …"), or several ("các xã", "7 xã miền núi"); a bare
  // "xã" ("xã chỉ đạt 5/19 tiêu chí") is the report's own commune.
  const named = [...before.matchAll(COMMUNE_WRITTEN)].some((m) => placeKey(m[1] as string) !== own.key);
  const several = /(?<!\p{L})(?:các|những|nhiều|\d+)\s+(?:xã|phường|thị trấn)(?!\p{L})/iu.test(before);
  if (named || several || /(?<!\p{L})(?:huyện|tỉnh|thành phố|thị xã|quận|cả nước|toàn quốc)(?!\p{L})/iu.test(before))
    return null;
  return own;
}
