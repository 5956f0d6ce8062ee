// A saved web page → its article's text: Readability (Mozilla's reader view) over linkedom finds
// the main content, menus, sidebars and footers fall away; its paragraphs and headings stay
// paragraphs, its tables become rows (table.ts), photo captions are dropped. The page's own
// metadata gives the title, the publication, the date and the URL.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AppError } from '../../errors.ts';
import { tableToLines } from './table.ts';
import type { Converted } from './types.ts';

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'HEADER',
  'MAIN',
  'DL',
  'DT',
  'DD',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'FIGCAPTION', 'FIGURE', 'IMG', 'SVG', 'IFRAME', 'BUTTON', 'FORM']);

/** @throws AppError NO_MAIN_TEXT when the page holds no article. */
export function htmlToText(html: string): Converted {
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  // Readability changes the document it reads; the metadata was read above.
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    // linkedom's Document is a DOM Document for everything Readability calls.
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const text = article?.content
    ? blocksOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body)
    : '';
  if (text.replace(/\s+/gu, '').length < 100) throw new AppError('NO_MAIN_TEXT');
  const title = meta.title ?? article?.title?.trim() ?? undefined;
  const publisher = meta.publisher ?? article?.siteName?.trim() ?? undefined;
  const publishedAt = meta.publishedAt ?? isoDate(article?.publishedTime ?? undefined);
  const source = meta.url ?? publisher;
  return {
    format: 'html',
    text,
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(publisher ? { publisher } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

interface PageMeta {
  title?: string;
  publisher?: string;
  publishedAt?: string;
  url?: string;
}

// linkedom's document, typed loosely: only querySelector and attributes are read.
type Doc = ReturnType<typeof parseHTML>['document'];

function readMeta(doc: Doc): PageMeta {
  const content = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const titleTag = doc.querySelector('title')?.textContent?.replace(/\s+/gu, ' ').trim() || undefined;
  const publisher =
    content('meta[property="og:site_name"]') ??
    content('meta[name="application-name"]') ??
    content('meta[name="publisher"]');
  let title = content('meta[property="og:title"]') ?? titleTag;
  // "Headline - Báo Quảng Trị": the publication's name is not part of the headline.
  if (title && publisher)
    title = title.replace(new RegExp(`\\s*[-|–—:]\\s*${escapeRegExp(publisher)}\\s*$`, 'iu'), '').trim();
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const publishedAt = isoDate(
    content('meta[property="article:published_time"]') ??
      content('meta[name="pubdate"]') ??
      content('meta[itemprop="datePublished"]') ??
      time,
  );
  const url =
    content('meta[property="og:url"]') ??
    (doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || undefined);
  return {
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(url && /^https?:\/\//iu.test(url) ? { url } : {}),
  };
}

function isoDate(s: string | undefined): string | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/u.exec(s.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  querySelectorAll?: (sel: string) => ArrayLike<NodeLike>;
}

/** The article's blocks in order: paragraphs and headings, a table's rows one per line. */
function blocksOf(root: unknown): string {
  const blocks: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/gu, ' ').trim();
    if (t) blocks.push(t);
    buf = '';
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') return flush();
    if (tag === 'TABLE') {
      flush();
      const rows = Array.from(node.querySelectorAll?.('tr') ?? []).map((tr) =>
        Array.from(tr.querySelectorAll?.('th,td') ?? []).map((c) => c.textContent ?? ''),
      );
      const lines = tableToLines(rows);
      if (lines.length) blocks.push(lines.join('\n'));
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  // linkedom nodes have the DOM's shape that NodeLike names.
  walk(root as NodeLike);
  flush();
  return blocks.join('\n\n');
}
