// Raw report text → the text we store: drops what web pages and Word exports add around a report
// (menus, "Tin mới", repeated mastheads and captions) and rejoins sentences split by page breaks.
// Idempotent: cleaning cleaned text changes nothing.
import { foldVi } from '../text/fold.ts';
import { normalizeText } from '../text/normalize.ts';

/** Whole lines that are page furniture wherever they occur (compared folded, without end punctuation). */
const WEB_CHROME = new Set([
  'your website title',
  'empty',
  'null',
  'undefined',
  'loading',
  'loading...',
  'tin moi',
  'tin moi nhat',
  'tin lien quan',
  'tin cung chuyen muc',
  'cung chuyen muc',
  'xem theo ngay',
  'bai viet lien quan',
  'tin khac',
  'cac tin khac',
  'tin doc nhieu',
  'doc nhieu nhat',
  'xem nhieu nhat',
  'tin noi bat',
  'tin xem nhieu',
  'chia se',
  'chia se bai viet',
  'share',
  'tweet',
  'facebook',
  'zalo',
  'twitter',
  'in bai viet',
  'in bai',
  'ban in',
  'gui bai viet',
  'gui cho ban be',
  'len dau trang',
  've dau trang',
  'tro ve',
  'quay lai',
  'xem them',
  'doc tiep',
  'binh luan',
  'y kien ban doc',
  'gui y kien',
  'gui binh luan',
  'tu khoa',
  'tags',
  'tag',
  'trang chu',
  'dang nhap',
  'dang ky',
  'print',
  'email',
  'like',
  'advertisement',
  'quang cao',
  'menu',
  'tim kiem',
  'search',
  'lien he',
  'ban quyen',
  'copyright',
  'co chu',
  'nghe doc bai',
  'nghe bai viet',
  'theo doi chung toi',
  'xem tat ca',
  'chon ngay',
  've dau trang',
]);

/** Section labels of news sites; dropped only in the lines before the headline. */
const CATEGORY_LABELS = new Set([
  'xa hoi',
  'thoi su',
  'kinh te',
  'chinh tri',
  'lao dong',
  'viec lam',
  'an sinh',
  'an sinh xa hoi',
  'tin tuc',
  'tin tuc - su kien',
  'tin tuc su kien',
  'su kien',
  'nguoi co cong',
  'giam ngheo',
  'bao tro xa hoi',
  'doi song',
  'phap luat',
  'giao duc',
  'y te',
  'van hoa',
  'the thao',
  'dia phuong',
  'tin dia phuong',
  'tin trong tinh',
  'trong tinh',
  'trong nuoc',
  'thong tin',
  'hoat dong',
  'tin hoat dong',
  'chinh sach',
  'chinh sach moi',
  'lao dong - viec lam',
  'lao dong viec lam',
  'xa hoi - doi song',
  'tre em',
  'binh dang gioi',
  'giao duc nghe nghiep',
  'tin tong hop',
  'nong thon moi',
  'thoi su - chinh tri',
  'kinh te - xa hoi',
  'doi song xa hoi',
  'home',
  'tin tuc tong hop',
]);

const TERMINAL_END = /[.!?…:;]["”’»)\]]*$/u;
// "a) Công tác …", "b. Kết quả": lower-case enumerators start a new item, not a continuation.
const LOWER_ENUMERATOR = /^[a-zđ][.)]\s/u;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]+$/u;
const MASTHEAD = /^(?:báo|tạp chí|truyền hình|đài phát thanh)\s+(?!cáo\b)\S/iu;

function key(line: string): string {
  return foldVi(line)
    .replace(/[\s:.!|»>-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const wordCount = (line: string): number => line.split(/\s+/).filter(Boolean).length;

function isChrome(line: string): boolean {
  if (line.length > 40) return false;
  const k = key(line);
  return (
    WEB_CHROME.has(k) || /^(?:©|copyright\b)/iu.test(line) || /^\(?\d+\)?\s*binh luan$|^binh luan\s*\(\d+\)$/.test(k)
  );
}

function isBreadcrumb(line: string): boolean {
  const parts = line.split(/\s*[>»|]\s*/);
  return parts.length > 1 && parts.every((p) => p.length > 0 && wordCount(p) <= 4 && !/\d/.test(p));
}

function isMasthead(line: string, trailing: string[]): boolean {
  if (line.length > 60 || wordCount(line) > 6 || TERMINAL_END.test(line) || /\d/.test(line)) return false;
  if (MASTHEAD.test(line)) return true;
  const k = key(line);
  return trailing.filter((t) => key(t) === k).length >= 2;
}

function dropLeading(lines: string[]): string[] {
  let i = 0;
  let dropped = 0;
  while (i < lines.length && dropped < 6) {
    const line = lines[i] as string;
    if (line === '') {
      i++;
      continue;
    }
    const label = line.length <= 80 && wordCount(line) <= 6 && CATEGORY_LABELS.has(key(line));
    if (!label && !(line.length <= 120 && isBreadcrumb(line))) break;
    lines.splice(i, 1);
    dropped++;
  }
  return lines;
}

function dropTrailing(lines: string[]): string[] {
  for (;;) {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const last = lines[lines.length - 1];
    if (last === undefined) return lines;
    const trailing = lines.slice(-10).filter((l) => l !== '');
    if (!isMasthead(last, trailing)) return lines;
    lines.pop();
  }
}

function dropConsecutiveDuplicates(lines: string[]): string[] {
  const out: string[] = [];
  let previous: string | null = null;
  for (const line of lines) {
    if (line === '') {
      out.push(line);
      continue;
    }
    if (previous === line) {
      // A title or caption printed twice: drop the copy and the blank line kept before it.
      if (out[out.length - 1] === '') out.pop();
      continue;
    }
    out.push(line);
    previous = line;
  }
  return out;
}

/** Joins a paragraph cut by a page break: no end punctuation before, a lower-case word after. */
function joinBrokenParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') {
      out.push(line);
      continue;
    }
    let p = out.length - 1;
    if (out[p] === '') p--;
    const previous = out[p];
    if (
      previous !== undefined &&
      previous !== '' &&
      !TERMINAL_END.test(previous) &&
      /^\p{Ll}/u.test(line) &&
      !LOWER_ENUMERATOR.test(line)
    ) {
      out.length = p;
      out.push(`${previous} ${line}`);
      continue;
    }
    out.push(line);
  }
  return out;
}

function cleanOnce(text: string): string {
  let lines = normalizeText(text)
    .split('\n')
    .filter((line) => line === '' || !(isChrome(line) || PUNCTUATION_ONLY.test(line)));
  lines = dropLeading(lines);
  lines = dropTrailing(lines);
  lines = dropConsecutiveDuplicates(lines);
  lines = joinBrokenParagraphs(lines);
  return normalizeText(lines.join('\n'));
}

/**
 * The report text as a person would read it: normalised, without site furniture, with sentences
 * split by page breaks rejoined. Headings, list items and signature lines keep their own lines.
 * @example cleanReportText('Xã hội\nTiêu đề\n\nTheo quy định. UBND\n\nhuyện đã chỉ đạo.\n\nTin mới')
 * // 'Tiêu đề\n\nTheo quy định. UBND huyện đã chỉ đạo.'
 */
export function cleanReportText(raw: string): string {
  let text = raw;
  // Each pass can expose more furniture (a masthead behind "Tin mới"); stop at the fixed point.
  for (let i = 0; i < 5; i++) {
    const next = cleanOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}
