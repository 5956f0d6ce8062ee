// Load on a real Node server over loopback (autocannon, bounded in time): asks alone, then asks
// while reports are ingested. No error, no lost or duplicated report, asks not stalled by ingestion,
// p99 and requests/s recorded; the server's log holds no token and no report text.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type Running, startNode } from '../helpers/server.ts';
import { FULL, recordFigures } from './figures.ts';

const TOKEN = 'load-admin-token-3f9a';
const BASELINE_S = Number(process.env.LOAD_BASELINE_S ?? (FULL ? 8 : 5));
const MIXED_S = Number(process.env.LOAD_SECONDS ?? (FULL ? 25 : 15));
const QUESTIONS = [
  'hộ nghèo Quảng Trị cuối 2023?',
  'Tỷ lệ hộ nghèo Hà Giang năm 2024?',
  'so sánh hộ cận nghèo Tây Sơn và Bắc Kạn',
  'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.',
];
const MARKER = 'Bản tin tải thử số';

/** A report of a realistic size, different for every n. */
function reportText(n: number): string {
  return [
    `${MARKER} ${n}: kết quả giảm nghèo huyện Mường Khương năm 2024`,
    '',
    `Đến cuối năm 2024, toàn huyện còn ${1000 + n} hộ nghèo, chiếm ${(n % 30) + 5},${n % 10}%; giảm ${100 + (n % 50)} hộ so với cuối năm 2023.`,
    `Số hộ cận nghèo là ${500 + (n % 300)} hộ, chiếm ${(n % 9) + 2},${n % 7}%. Tổng kinh phí hỗ trợ ${(n % 20) + 1},5 tỷ đồng.`,
    'Công tác giảm nghèo được triển khai đồng bộ; các chính sách hỗ trợ y tế, giáo dục, nhà ở được thực hiện đầy đủ, kịp thời.',
    `Năm 2025 phấn đấu giảm tỷ lệ hộ nghèo xuống dưới ${(n % 10) + 3}%.`,
  ].join('\n');
}

let server: Running | undefined;
const figures: Record<string, unknown> = {};

afterAll(async () => {
  await server?.stop('SIGKILL');
  await recordFigures('load', figures);
});

const askRequests = QUESTIONS.map((question) => ({
  method: 'POST' as const,
  path: question.endsWith('.') ? '/api/verify' : '/api/ask',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(question.endsWith('.') ? { claim: question } : { question }),
}));

describe('the Node server under load', () => {
  it('answers every ask, loses and duplicates no report, and asks keep going while reports come in', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-load-'));
    const port = await freePort();
    server = await startNode(
      { DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' },
      port,
    );
    const base = server.base;

    const baseline = await autocannon({ url: base, connections: 8, duration: BASELINE_S, requests: askRequests });

    let next = 0;
    const sent = new Map<string, number>();
    const acked: string[] = [];
    let ingestFailures = 0;
    const ingest = autocannon({
      url: base,
      connections: 2,
      duration: MIXED_S,
      requests: [
        {
          method: 'POST',
          path: '/api/reports',
          setupRequest: (req) => {
            const n = next++;
            sent.set(`load-${n}`, n);
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
              body: JSON.stringify({ id: `load-${n}`, text: reportText(n) }),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) acked.push((JSON.parse(body) as { id: string }).id);
            else ingestFailures++;
          },
        },
      ],
    });
    const asks = autocannon({ url: base, connections: 8, duration: MIXED_S, requests: askRequests });
    const [mixed, ingested] = await Promise.all([asks, ingest]);

    const list = (await (await fetch(`${base}/api/reports`)).json()) as { reports: { id: string }[] };
    const ids = list.reports.map((r) => r.id).filter((id) => id.startsWith('load-'));
    const lost = acked.filter((id) => !ids.includes(id));
    const duplicated = ids.length - new Set(ids).size;
    // Spot-check content: the stored text is the posted one, whole.
    for (const id of acked.filter((_, i) => i % 25 === 0)) {
      const got = (await (await fetch(`${base}/api/reports/${id}`)).json()) as { text: string };
      expect(got.text).toContain(`${MARKER} ${sent.get(id)}:`);
      expect(got.text).toContain('phấn đấu giảm tỷ lệ hộ nghèo');
    }

    const out = server.output();
    Object.assign(figures, {
      seconds: { baseline: BASELINE_S, mixed: MIXED_S },
      asksAlone: {
        requestsPerSecond: Math.round(baseline.requests.average),
        p50: baseline.latency.p50,
        p99: baseline.latency.p99,
        errors: baseline.errors,
        timeouts: baseline.timeouts,
        non2xx: baseline.non2xx,
      },
      asksWhileIngesting: {
        requestsPerSecond: Math.round(mixed.requests.average),
        p50: mixed.latency.p50,
        p99: mixed.latency.p99,
        errors: mixed.errors,
        timeouts: mixed.timeouts,
        non2xx: mixed.non2xx,
      },
      ingest: {
        requestsPerSecond: Math.round(ingested.requests.average),
        p99: ingested.latency.p99,
        acknowledged: acked.length,
        failures: ingestFailures,
        errors: ingested.errors,
        lost: lost.length,
        duplicated,
      },
    });

    expect(baseline.errors + baseline.timeouts + baseline.non2xx).toBe(0);
    expect(mixed.errors + mixed.timeouts + mixed.non2xx).toBe(0);
    expect(ingested.errors + ingested.timeouts + ingestFailures).toBe(0);
    expect(acked.length).toBeGreaterThan(20);
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    // Ingestion does not stall asks: they keep being answered at a good share of the rate they had alone.
    expect(mixed.requests.average).toBeGreaterThan(baseline.requests.average * 0.25);
    expect(mixed.latency.p99).toBeLessThan(5000);
    // Logs at info level: no token, no report text.
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(MARKER);
    expect(out).not.toContain('hộ nghèo');
  }, 120_000);
});
