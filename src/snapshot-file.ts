// A corpus snapshot (reports, figures, passage index) as a sequence of binary sections, not one
// JSON text: V8 cannot hold a string past 2^29 characters, which one JSON snapshot of 10.000
// reports already needed. Reports go in JSON chunks of CHUNK_REPORTS, their texts beside them as
// raw UTF-8 (a cold start decodes them once, JSON.parse does not scan them again); figures as
// typed-array columns of numbers plus a JSON list of their repeated strings, periods and qualifier
// lists, once per chunk; the index's postings as raw bytes. Written a section at a time
// (encodeSnapshot yields them) and read from one byte array. Web APIs only: a Worker or Durable
// Object reads it as Node does.
import type { Figure } from './extract/types.ts';
import type { Period, Place, Report } from './ingest/types.ts';
import { loadPassageIndex, type PassageIndex, savePassageIndex } from './search/passage-index.ts';

const MAGIC = 'VNQASNP3';
/** Reports per JSON chunk: each chunk's text stays far below V8's string limit (~4 KB a report). */
const CHUNK_REPORTS = 500;

enum Kind {
  Header = 1,
  Reports = 2,
  Figures = 3,
  Index = 4,
  Bytes = 5,
  /** A chunk's report texts, UTF-8, one after the other; its Reports section gives their lengths. */
  Texts = 6,
  /** A chunk's figures' numbers as typed arrays (FIGURE_FLOATS and FIGURE_INTS per figure); its Figures section gives the rest. */
  FigureNumbers = 7,
}

export interface CorpusSnapshot {
  reports: Report[];
  figures: Map<string, Figure[]>;
  index: PassageIndex;
}

export class SnapshotFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotFileError';
  }
}

const encoder = new TextEncoder();

function section(kind: Kind, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = kind;
  new DataView(out.buffer).setUint32(1, payload.length, true);
  out.set(payload, 5);
  return out;
}

const json = (kind: Kind, value: unknown) => section(kind, encoder.encode(JSON.stringify(value)));

/** The snapshot's sections in order; concatenated they are the file. */
export function* encodeSnapshot(snapshot: CorpusSnapshot): Generator<Uint8Array> {
  yield encoder.encode(MAGIC);
  yield json(Kind.Header, { reports: snapshot.reports.length, chunk: CHUNK_REPORTS });
  for (let i = 0; i < snapshot.reports.length; i += CHUNK_REPORTS) {
    const chunk = snapshot.reports.slice(i, i + CHUNK_REPORTS);
    yield section(Kind.Texts, encoder.encode(chunk.map((r) => r.text).join('')));
    yield json(Kind.Reports, encodeReports(chunk));
    const { columns, numbers } = encodeFigures(chunk, snapshot.figures);
    yield section(Kind.FigureNumbers, numbers);
    yield json(Kind.Figures, columns);
  }
  // Postings go apart as raw bytes; the JSON names them by their order.
  const bytes: Uint8Array[] = [];
  const text = JSON.stringify(savePassageIndex(snapshot.index, { bytes: 'raw' }), (_key, value) => {
    if (value instanceof Uint8Array) {
      bytes.push(value);
      return { $bytes: bytes.length - 1 };
    }
    return value;
  });
  for (const b of bytes) yield section(Kind.Bytes, b);
  yield section(Kind.Index, encoder.encode(text));
}

/** One section of a snapshot file: its kind byte and its payload. */
export interface SnapshotSection {
  kind: number;
  payload: Uint8Array;
}

/** The sections of a whole snapshot file, as views into it. @throws SnapshotFileError when it is not one. */
export function* splitSnapshot(file: Uint8Array): Generator<SnapshotSection> {
  if (new TextDecoder().decode(file.subarray(0, MAGIC.length)) !== MAGIC)
    throw new SnapshotFileError(`Not a corpus snapshot (no "${MAGIC}" at its start); write one with encodeSnapshot.`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let pos = MAGIC.length;
  while (pos < file.length) {
    if (pos + 5 > file.length)
      throw new SnapshotFileError('The snapshot ends inside a section header: the file is truncated.');
    const kind = file[pos] as number;
    const length = view.getUint32(pos + 1, true);
    const payload = file.subarray(pos + 5, pos + 5 + length);
    if (payload.length !== length)
      throw new SnapshotFileError('The snapshot ends inside a section: the file is truncated.');
    pos += 5 + length;
    yield { kind, payload };
  }
}

/** Length of the magic at a snapshot's start; each section then has a 5-byte header (kind, u32 length). */
export const SNAPSHOT_MAGIC_BYTES = MAGIC.length;

/** Reads a snapshot written by encodeSnapshot. @throws SnapshotFileError when it is not one. */
export function decodeSnapshot(file: Uint8Array): CorpusSnapshot {
  return decodeSections(splitSnapshot(file));
}

/**
 * Reads a snapshot from its sections, one at a time: a caller reading a file (or an object in
 * storage) section by section never holds the whole file beside the decoded corpus.
 */
export function decodeSections(sections: Iterable<SnapshotSection>): CorpusSnapshot {
  const decoder = new TextDecoder();
  const reports: Report[] = [];
  const figures = new Map<string, Figure[]>();
  const bytes: Uint8Array[] = [];
  let chunk: Report[] = [];
  let texts = '';
  let numbers: Uint8Array | null = null;
  let indexRaw: unknown = null;
  for (const { kind, payload } of sections) {
    // A copy (new Uint8Array, not slice: a Node Buffer's slice is a view), or the whole file would
    // stay alive as long as the index.
    if (kind === Kind.Bytes) bytes.push(new Uint8Array(payload));
    else if (kind === Kind.Texts) texts = decoder.decode(payload);
    // A copy, aligned at 0 for its typed arrays.
    else if (kind === Kind.FigureNumbers) numbers = new Uint8Array(payload);
    else if (kind === Kind.Reports) {
      chunk = decodeReports(JSON.parse(decoder.decode(payload)) as ReportColumns, texts);
      texts = '';
      for (const r of chunk) reports.push(r);
    } else if (kind === Kind.Figures) {
      if (numbers === null)
        throw new SnapshotFileError('A chunk of figures comes without its numbers: the snapshot is damaged.');
      decodeFigures(JSON.parse(decoder.decode(payload)) as FigureColumns, numbers, chunk, figures);
      numbers = null;
    } else if (kind === Kind.Index) indexRaw = putBytesBack(JSON.parse(decoder.decode(payload)), bytes);
  }
  if (indexRaw === null)
    throw new SnapshotFileError('The snapshot has no passage index section: the file is truncated.');
  return { reports, figures, index: loadPassageIndex(indexRaw, reports) };
}

/**
 * Replaces each `{ $bytes: n }` by the n-th bytes section, in place. A walk rather than a JSON
 * reviver: a reviver is called for every number of the index's long arrays (4× slower here).
 */
function putBytesBack(value: unknown, bytes: Uint8Array[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Arrays of numbers (ids, lengths) are most of the index and hold no bytes.
    if (typeof value[0] !== 'object') return value;
    for (let i = 0; i < value.length; i++) value[i] = putBytesBack(value[i], bytes);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.$bytes === 'number') return bytes[record.$bytes];
  for (const key of Object.keys(record)) record[key] = putBytesBack(record[key], bytes);
  return record;
}

/** Hands out each distinct value's number in `list`, adding it the first time. */
function numbering<T>(list: T[], keyOf: (v: T) => string = (v) => JSON.stringify(v)): (v: T) => number {
  const seen = new Map<string, number>();
  return (v) => {
    const key = keyOf(v);
    let i = seen.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      seen.set(key, i);
    }
    return i;
  };
}

/** One chunk's reports: places, periods and section headings once, a row of numbers per passage. */
interface ReportColumns {
  places: Place[];
  periods: Period[];
  sections: string[];
  /** A report's text is the next `textLength` UTF-16 units of its chunk's Texts section. */
  reports: (Omit<Report, 'text' | 'place' | 'periods' | 'passages'> & {
    textLength: number;
    place: number;
    periods: number[];
    passages: number[];
    passageIds?: Record<number, string>;
  })[];
}

/** start, end, section, place, period (-1: null). */
const PASSAGE_ROW = 5;

function encodeReports(chunk: Report[]): ReportColumns {
  const out: ReportColumns = { places: [], periods: [], sections: [], reports: [] };
  const place = numbering(out.places);
  const period = numbering(out.periods);
  const section = numbering(out.sections, (s) => s);
  const orNone = <T>(v: T | null, f: (v: T) => number) => (v === null ? -1 : f(v));
  for (const r of chunk) {
    const { text, place: p, periods, passages, ...rest } = r;
    const rows: number[] = [];
    const passageIds: Record<number, string> = {};
    passages.forEach((x, i) => {
      if (x.id !== `${r.id}#${x.start}-${x.end}` || x.reportId !== r.id) passageIds[i] = x.id;
      rows.push(x.start, x.end, orNone(x.section, section), orNone(x.place, place), orNone(x.period, period));
    });
    out.reports.push({
      ...rest,
      textLength: text.length,
      place: orNone(p, place),
      periods: periods.map(period),
      passages: rows,
      ...(Object.keys(passageIds).length > 0 ? { passageIds } : {}),
    });
  }
  return out;
}

function decodeReports(cols: ReportColumns, texts: string): Report[] {
  let at = 0;
  return cols.reports.map(({ textLength, place, periods, passages: rows, passageIds, ...rest }) => {
    if (at + textLength > texts.length)
      throw new SnapshotFileError('A chunk of reports has less text than its reports need: the snapshot is damaged.');
    const text = texts.slice(at, at + textLength);
    at += textLength;
    const passages: Report['passages'] = [];
    for (let i = 0; i < rows.length; i += PASSAGE_ROW) {
      const start = rows[i] as number;
      const end = rows[i + 1] as number;
      const section = rows[i + 2] as number;
      const p = rows[i + 3] as number;
      const period = rows[i + 4] as number;
      passages.push({
        id: passageIds?.[i / PASSAGE_ROW] ?? `${rest.id}#${start}-${end}`,
        reportId: rest.id,
        start,
        end,
        section: section < 0 ? null : (cols.sections[section] as string),
        place: p < 0 ? null : (cols.places[p] as Place),
        period: period < 0 ? null : (cols.periods[period] as Period),
      });
    }
    // The key order of buildReport's reports.
    return {
      id: rest.id,
      title: rest.title,
      text,
      place: place < 0 ? null : (cols.places[place] as Place),
      publishedAt: rest.publishedAt,
      periods: periods.map((i) => cols.periods[i] as Period),
      passages,
      source: rest.source,
    };
  });
}

/** One chunk's figures: each repeated value once, a row of numbers per figure. */
interface FigureColumns {
  strings: string[];
  periods: Period[];
  lists: string[][];
  /** Per report of the chunk, how many figures it has (their numbers are in the FigureNumbers section, in order). */
  counts: number[];
  /** Whatever a row cannot say: an id or text not derived from the offsets, relations, breakdowns. */
  extras: Partial<Pick<Figure, 'id' | 'text' | 'relation' | 'breakdown'>>[];
}

/** value, normalizedValue: Float64 (a figure's value may have any number of decimals). */
const FIGURE_FLOATS = 2;
/** start, end, sentenceStart, sentenceEnd, unit, metric, label, place, placeLevel, kind, period, qualifiers, extra: Int32 (-1: none). */
const FIGURE_INTS = 13;

/**
 * An interning table: each distinct value (by `key`) is pushed to `values` once, and the function
 * returns its index there, so the snapshot writes a repeated period, list or string once.
 */
function tableOf<T>(values: T[], key: (value: T) => string): (value: T) => number {
  const index = new Map<string, number>();
  return (value) => {
    const k = key(value);
    let i = index.get(k);
    if (i === undefined) {
      i = values.push(value) - 1;
      index.set(k, i);
    }
    return i;
  };
}

function encodeFigures(chunk: Report[], all: Map<string, Figure[]>): { columns: FigureColumns; numbers: Uint8Array } {
  const out: FigureColumns = { strings: [], periods: [], lists: [], counts: [], extras: [] };
  const strStore = tableOf<string>(out.strings, (x) => x);
  const str = (x: string | null) => (x === null ? -1 : strStore(x));
  const periodStore = tableOf<Period>(out.periods, (p) => JSON.stringify(p));
  const period = (p: Period | null) => (p === null ? -1 : periodStore(p));
  const list = tableOf<string[]>(out.lists, (xs) => JSON.stringify(xs));
  const n = chunk.reduce((k, r) => k + (all.get(r.id)?.length ?? 0), 0);
  // Typed arrays in the platform's byte order, little-endian on every engine this runs on.
  const bytes = new Uint8Array(n * 8 * FIGURE_FLOATS + n * 4 * FIGURE_INTS);
  const floats = new Float64Array(bytes.buffer, 0, n * FIGURE_FLOATS);
  const ints = new Int32Array(bytes.buffer, n * 8 * FIGURE_FLOATS, n * FIGURE_INTS);
  let k = 0;
  for (const report of chunk) {
    const figures = all.get(report.id) ?? [];
    for (const f of figures) {
      const extra: FigureColumns['extras'][number] = {};
      if (f.id !== `${report.id}@${f.start}`) extra.id = f.id;
      if (f.text !== report.text.slice(f.start, f.end)) extra.text = f.text;
      if (f.relation) extra.relation = f.relation;
      if (f.breakdown) extra.breakdown = f.breakdown;
      let e = -1;
      if (Object.keys(extra).length > 0) {
        e = out.extras.length;
        out.extras.push(extra);
      }
      floats.set([f.value, f.normalizedValue], k * FIGURE_FLOATS);
      ints.set(
        [
          f.start,
          f.end,
          f.sentenceStart,
          f.sentenceEnd,
          str(f.unit),
          str(f.metric),
          str(f.label),
          str(f.place),
          str(f.placeLevel),
          str(f.kind),
          period(f.period),
          list(f.qualifiers),
          e,
        ],
        k * FIGURE_INTS,
      );
      k++;
    }
    out.counts.push(figures.length);
  }
  return { columns: out, numbers: bytes };
}

const NO_EXTRA: FigureColumns['extras'][number] = Object.freeze({});

function decodeFigures(cols: FigureColumns, numbers: Uint8Array, chunk: Report[], into: Map<string, Figure[]>): void {
  const total = cols.counts.reduce((k, c) => k + c, 0);
  if (numbers.length !== total * (8 * FIGURE_FLOATS + 4 * FIGURE_INTS))
    throw new SnapshotFileError("A chunk's figure numbers do not match its figures: the snapshot is damaged.");
  const floats = new Float64Array(numbers.buffer, numbers.byteOffset, total * FIGURE_FLOATS);
  const ints = new Int32Array(numbers.buffer, numbers.byteOffset + total * 8 * FIGURE_FLOATS, total * FIGURE_INTS);
  const str = (i: number) => (i < 0 ? null : (cols.strings[i] as string));
  let k = 0;
  chunk.forEach((report, r) => {
    const count = cols.counts[r] ?? 0;
    const figures: Figure[] = [];
    for (let j = 0; j < count; j++, k++) {
      const x = k * FIGURE_INTS;
      const e = ints[x + 12] as number;
      const extra = e >= 0 ? (cols.extras[e] ?? NO_EXTRA) : NO_EXTRA;
      const start = ints[x] as number;
      const end = ints[x + 1] as number;
      const period = ints[x + 10] as number;
      // Every field in one literal, in the extractor's key order (a seed's figures are hashed as
      // JSON: preparationStamp); no spreads and no fields added after, which take V8's slow path
      // or a second properties store for each of tens of thousands of figures.
      // Safe: placeLevel and kind were written from a Figure's own fields.
      const f: Figure = {
        id: extra.id ?? `${report.id}@${start}`,
        reportId: report.id,
        value: floats[k * FIGURE_FLOATS] as number,
        unit: str(ints[x + 4] as number) as string,
        normalizedValue: floats[k * FIGURE_FLOATS + 1] as number,
        text: extra.text ?? report.text.slice(start, end),
        start,
        end,
        metric: str(ints[x + 5] as number) as string,
        label: str(ints[x + 6] as number) as string,
        place: str(ints[x + 7] as number),
        placeLevel: str(ints[x + 8] as number) as Figure['placeLevel'],
        period: period >= 0 ? (cols.periods[period] as Period) : null,
        kind: str(ints[x + 9] as number) as Figure['kind'],
        qualifiers: cols.lists[ints[x + 11] as number] ?? [],
        sentenceStart: ints[x + 2] as number,
        sentenceEnd: ints[x + 3] as number,
      };
      if (extra.relation) f.relation = extra.relation;
      if (extra.breakdown) f.breakdown = extra.breakdown;
      figures.push(f);
    }
    into.set(report.id, figures);
  });
}
