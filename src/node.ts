// Node entry, the embedded default: seeds from seeds/, accepted reports in DATA_DIR, one server.
import { serve } from '@hono/node-server';
import { createAssistant, withLanguageModel } from './answer/assistant.ts';
import { llmSettingsFrom } from './answer/llm/client.ts';
import { parseConfig } from './config.ts';
import { Corpus } from './corpus/corpus.ts';
import { memoryPort } from './corpus/memory-port.ts';
import { createApp } from './http/app.ts';
import { buildReport } from './ingest/build-report.ts';
import { defaultLog } from './log.ts';
import { FileFeedbackStore } from './store/file-feedback-store.ts';
import { FileStore } from './store/file-store.ts';
import { readSeedInputs } from './store/seed-files.ts';

const config = parseConfig(process.env);
const t0 = performance.now();
const seeds = (await readSeedInputs()).map(buildReport);
const corpus = await Corpus.open({ store: new FileStore(config.DATA_DIR), seeds });
for (const name of corpus.unreadable) {
  console.warn(JSON.stringify({ level: 'warn', msg: 'skipped an unreadable stored report', file: name }));
}
const llm = llmSettingsFrom(config);
const assistant = withLanguageModel(corpus, createAssistant(corpus), llm, defaultLog);
const app = createApp({
  config,
  corpus: memoryPort(corpus),
  assistant,
  runtime: 'node',
  feedback: new FileFeedbackStore(config.DATA_DIR),
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(
    `Serving ${corpus.size} reports (${corpus.passageCount()} passages) at http://${config.HOST}:${info.port} ` +
      `in ${(performance.now() - t0).toFixed(0)} ms; reports stored in ${corpus.store.description}` +
      (config.ADMIN_TOKEN ? '' : '; ADMIN_TOKEN unset, so ingestion is off') +
      (llm ? `; language model ${llm.model}${llm.baseURL ? ` at ${new URL(llm.baseURL).host}` : ''}` : ''),
  );
});

// Reports prepared by an older version were prepared again on this start: store their new form,
// so the next start reads them instead (issue 15: a start must not redo extraction).
if (corpus.rebuiltOnOpen) {
  corpus.refreshStored().then(
    (n) =>
      console.log(JSON.stringify({ level: 'info', msg: 'renewed the prepared form of stored reports', reports: n })),
    (err: unknown) =>
      console.warn(
        JSON.stringify({
          level: 'warn',
          msg: 'could not renew prepared reports; the next start prepares them again',
          error: String(err),
        }),
      ),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
