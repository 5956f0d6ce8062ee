// A store that keeps reports in memory: for tests, and for a Worker with no durable binding
// configured, where it is read-only so that no report is accepted only to be lost.
import type { ReportStore, StoredReport } from './types.ts';

export class MemoryStore implements ReportStore {
  readonly description: string;
  readonly writable: boolean;
  readonly #reports = new Map<string, StoredReport>();

  constructor(opts: { writable?: boolean; description?: string } = {}) {
    this.writable = opts.writable ?? true;
    this.description = opts.description ?? (this.writable ? 'memory' : 'read-only');
  }

  async list() {
    return { reports: [...this.#reports.values()], unreadable: [] };
  }

  async put(report: StoredReport) {
    this.#reports.set(report.id, { ...report });
  }

  async delete(id: string) {
    return this.#reports.delete(id);
  }
}
