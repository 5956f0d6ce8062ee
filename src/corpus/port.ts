// The one corpus port: what routes, the model's tools and the Workers wing read and write. Every
// read is async, so one in memory (memory-port.ts) and one spread over Durable Objects
// (workers/sharded-corpus.ts) look the same; the answering core ranks over a synchronous snapshot
// of it, a CorpusView, which `view` hands out per question.
import type { Figure } from '../extract/types.ts';
import type { Report, ReportInput } from '../ingest/types.ts';
import type { PassageHit } from '../search/passage-index.ts';
import type { ReportStore } from '../store/types.ts';

/** What the answering core (rankFigures, answerQuestion, verifyClaim) reads: a snapshot, in corpus order. */
export interface CorpusView {
  list(): Report[];
  get(id: string): Report | undefined;
  figuresOf(id: string): Figure[];
  /**
   * Optional indexes (FigureLookup): figures of these metrics, or at these folded places, in the
   * order `list` and `figuresOf` give them. Without them ranking scans every figure.
   */
  figuresWithMetrics?(metrics: readonly string[]): readonly Figure[];
  figuresAtPlaces?(placeKeys: readonly string[]): readonly Figure[];
}

export interface FigureFilter {
  metric?: string | undefined;
  place?: string | undefined;
  year?: number | undefined;
  kind?: Figure['kind'] | undefined;
  reportId?: string | undefined;
}

export interface SearchOptions {
  limit?: number;
  reportId?: string;
}

export type UpsertStatus = 'created' | 'replaced' | 'unchanged';

/** Which reports a view holds: those the question's places route to, or every report. */
export type ViewScope = 'routed' | 'all';

export interface CorpusReader {
  /** Stored entries that could not be read on start: reported by /healthz, never served. */
  readonly unreadable: readonly string[];
  isSeed(id: string): boolean;
  size(): Promise<number>;
  passageCount(): Promise<number>;
  /** Every report, for listing; a sharded corpus leaves `text` empty (read one with `get`). */
  list(): Promise<Report[]>;
  get(id: string): Promise<Report | undefined>;
  figuresOf(id: string): Promise<Figure[]>;
  /** Figures matching every given filter, in report and text order. */
  queryFigures(filter: FigureFilter): Promise<Figure[]>;
  search(query: string, opts?: SearchOptions): Promise<PassageHit[]>;
  /**
   * The snapshot the answering core ranks over for these question texts (the question, then the
   * user turn before it). In memory: the whole corpus. On shards: the reports the shards of the
   * question's places offer (`'routed'`), or every shard's (`'all'`), merged in the Node order.
   */
  view(texts: readonly string[], scope?: ViewScope): Promise<CorpusView>;
}

export interface CorpusPort extends CorpusReader {
  /** Where reports are kept; /healthz shows the description. */
  readonly store: Pick<ReportStore, 'description' | 'writable'>;
  /**
   * Prepares (corpus/prepare.ts) and stores a report, once. `signal` is the request's: once it is
   * aborted (the client went away) nothing more is written.
   */
  upsert(
    input: ReportInput,
    opts?: { signal?: AbortSignal | undefined },
  ): Promise<{ status: UpsertStatus; report: Report }>;
  remove(id: string): Promise<boolean>;
}
