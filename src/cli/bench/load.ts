// Load generator child: autocannon against one route of the server on loopback, cycling through
// the question mix; reads its options as JSON on stdin, writes latency and throughput as JSON.
import autocannon from 'autocannon';

interface LoadOptions {
  port: number;
  route: 'search' | 'ask';
  connections: number;
  duration: number;
  questions: string[];
}

const raw = await new Promise<string>((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => {
    s += d;
  });
  process.stdin.on('end', () => resolve(s));
});
const opts = JSON.parse(raw) as LoadOptions;
const requests = opts.questions.map((q) =>
  opts.route === 'search'
    ? { method: 'GET' as const, path: `/api/search?limit=10&q=${encodeURIComponent(q)}` }
    : {
        method: 'POST' as const,
        path: '/api/ask',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: q, history: [] }),
      },
);
const result = await autocannon({
  url: `http://127.0.0.1:${opts.port}`,
  connections: opts.connections,
  duration: opts.duration,
  requests,
  timeout: 30,
});
process.stdout.write(
  JSON.stringify({
    connections: opts.connections,
    durationS: opts.duration,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  }),
);
