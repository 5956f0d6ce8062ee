// The engines a user could pick instead, over the same passages as ours: SQLite FTS5
// (unicode61 remove_diacritics 2), MiniSearch with our tokenizer, Orama with its stock
// tokenizer; and recall@3 of the passage holding each dev question's quote.
import { DatabaseSync } from 'node:sqlite';
import MiniSearch from 'minisearch';
import type { Report } from '../../ingest/types.ts';
import {
  createDefaultTokenizerIndex,
  indexReport,
  type PassageIndex,
  searchPassages,
} from '../../search/passage-index.ts';
import { tokenizeVi } from '../../search/tokenizer.ts';
import type { DevQuestion } from '../dev-questions.ts';
import { locateQuote } from '../eval-search.ts';

export interface Hit {
  reportId: string;
  start: number;
  end: number;
  text: string;
}

export interface Engine {
  name: string;
  /** Indexes every passage of the reports. */
  add(reports: Report[]): void;
  search(query: string, limit: number): Hit[];
  close?(): void;
}

interface FlatPassage {
  id: number;
  reportId: string;
  start: number;
  end: number;
  text: string;
  context: string;
}

/** Passages with the context words ours indexes too (title, place, province, section). */
function flatten(reports: Report[], from: number): FlatPassage[] {
  const out: FlatPassage[] = [];
  let id = from;
  for (const r of reports) {
    for (const p of r.passages) {
      const place = p.place ?? r.place;
      out.push({
        id: id++,
        reportId: r.id,
        start: p.start,
        end: p.end,
        text: r.text.slice(p.start, p.end),
        context: [r.title, place?.name, place?.province, p.section].filter(Boolean).join('. '),
      });
    }
  }
  return out;
}

/** SQLite FTS5 (Node's built-in node:sqlite): accents folded by unicode61, any query word may match (OR), bm25 order. */
export function createFts5Engine(): Engine {
  const db = new DatabaseSync(':memory:');
  db.exec("CREATE VIRTUAL TABLE p USING fts5(text, context, tokenize = 'unicode61 remove_diacritics 2')");
  const meta: FlatPassage[] = [];
  const insert = db.prepare('INSERT INTO p(rowid, text, context) VALUES (?, ?, ?)');
  const query = db.prepare('SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p, 1.0, 0.5) LIMIT ?');
  return {
    name: 'SQLite FTS5 (unicode61 remove_diacritics 2)',
    add(reports) {
      const rows = flatten(reports, meta.length);
      db.exec('BEGIN');
      try {
        for (const r of rows) {
          meta.push(r);
          insert.run(r.id, r.text, r.context);
        }
        db.exec('COMMIT');
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    search(q, limit) {
      const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      const match = [...new Set(words)].map((w) => `"${w}"`).join(' OR ');
      // The SELECT names one integer column, rowid.
      return (query.all(match, limit) as { rowid: number }[]).map((r) => meta[r.rowid] as FlatPassage);
    },
    close: () => db.close(),
  };
}

/** MiniSearch with our tokenizer (folded syllables, bigrams, abbreviation keys), BM25+. */
export function createMiniSearchEngine(): Engine {
  const meta: FlatPassage[] = [];
  const ms = new MiniSearch<FlatPassage>({
    fields: ['text', 'context'],
    idField: 'id',
    tokenize: (text) => tokenizeVi(text),
    processTerm: (t) => t,
    searchOptions: { boost: { context: 0.5 }, prefix: false, fuzzy: false, combineWith: 'OR' },
  });
  return {
    name: 'MiniSearch + our tokenizer',
    add(reports) {
      const rows = flatten(reports, meta.length);
      for (const r of rows) meta.push(r);
      ms.addAll(rows);
    },
    search(q, limit) {
      return ms
        .search(q)
        .slice(0, limit)
        .map((r) => meta[r.id as number] as FlatPassage);
    },
  };
}

/** Orama 3.1 with its stock (English) tokenizer, BM25 order: what a newcomer gets. */
export function createOramaDefaultEngine(): Engine {
  const index: PassageIndex = createDefaultTokenizerIndex();
  return {
    name: 'Orama, default tokenizer',
    add(reports) {
      for (const r of reports) indexReport(index, r);
    },
    search: (q, limit) => searchPassages(index, q, { limit }),
  };
}

export interface RecallResult {
  questions: number;
  at1: number;
  at3: number;
  misses: string[];
}

/** Share of the dev questions with a quote whose passage holding it is in the top 1 / top 3. */
export function recallAt(
  search: (q: string, limit: number) => Hit[],
  seeds: Map<string, Report>,
  questions: DevQuestion[],
): RecallResult {
  const withQuote = questions.filter((q) => typeof q.expected?.quote === 'string');
  let at1 = 0;
  let at3 = 0;
  const misses: string[] = [];
  for (const q of withQuote) {
    const quote = q.expected?.quote as string;
    const targets = (q.expected?.reportIds ?? [...seeds.keys()]).flatMap((id) => {
      const r = seeds.get(id);
      const at = r ? locateQuote(r.text, quote) : null;
      return at ? [{ reportId: id, ...at }] : [];
    });
    const hits = search(q.question, 3);
    const i = hits.findIndex(
      (h) =>
        h.text.includes(quote) || targets.some((t) => t.reportId === h.reportId && h.start < t.end && t.start < h.end),
    );
    if (i === 0) at1++;
    if (i >= 0 && i < 3) at3++;
    else misses.push(q.id);
  }
  const n = Math.max(1, withQuote.length);
  return { questions: withQuote.length, at1: at1 / n, at3: at3 / n, misses };
}
