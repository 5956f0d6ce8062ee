// createApp(deps): the one Hono app both runtimes serve. Runtime differences live in the
// entries (node.ts, worker.ts), which build the deps; routes are written once.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorBody } from '../errors.ts';
import { defaultLog } from '../log.ts';
import { MemoryFeedbackStore } from '../store/feedback-store.ts';
import type { AppDeps } from './deps.ts';
import { rateLimit } from './rate-limit.ts';
import { adminRoutes } from './routes/admin.ts';
import { askRoutes } from './routes/ask.ts';
import { chatCompletionRoutes } from './routes/chat-completions.ts';
import { docsRoutes } from './routes/docs.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { figureRoutes } from './routes/figures.ts';
import { healthRoutes } from './routes/health.ts';
import { reportRoutes } from './routes/reports.ts';
import { searchRoutes } from './routes/search.ts';
import { telegramRoutes } from './routes/telegram.ts';
import { widgetRoutes } from './routes/widget.ts';
import { zaloRoutes } from './routes/zalo.ts';
import { apiCors, baseSecurityHeaders } from './security.ts';
import { limitBody, MAX_QUESTION_BODY_BYTES } from './validate.ts';

export type { AppDeps } from './deps.ts';

export function createApp(deps: AppDeps) {
  const log = deps.log ?? defaultLog;
  const app = new Hono();

  app.use('*', baseSecurityHeaders());
  app.use('/api/*', apiCors(deps.config));
  app.use('/v1/*', apiCors(deps.config));
  // The routes that run the answering core: a per-client rate limit, then a cap on what is read.
  const limit = rateLimit(deps.config, deps.runtime);
  const questionBody = limitBody(
    MAX_QUESTION_BODY_BYTES,
    `A question body may be at most ${MAX_QUESTION_BODY_BYTES / 1024 / 1024} MB; a question is at most 2000 characters.`,
  );
  for (const path of ['/api/ask', '/api/verify', '/v1/chat/completions', '/api/feedback'])
    app.use(path, limit, questionBody);
  // Searches and figure tables read the whole index too: a limit of their own, twice the questions'
  // (a page of the widget makes a few such reads per question).
  const readLimit = rateLimit(deps.config, deps.runtime, { scale: 2, what: 'searches' });
  for (const path of ['/api/search', '/api/figures']) app.use(path, readLimit);
  // The bots' webhooks come from Telegram's and Zalo's servers, many users behind one address: they
  // are limited per sender inside the routes, once the event is authenticated.
  app.use('/webhooks/*', questionBody);

  app.route('/', healthRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', figureRoutes(deps));
  app.route('/', askRoutes(deps));
  app.route('/', feedbackRoutes({ ...deps, feedback: deps.feedback ?? new MemoryFeedbackStore(false) }));
  // The surfaces people meet (ISSUE 6): thin adapters over deps.assistant.
  app.route('/', widgetRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', docsRoutes(deps));
  app.route('/', chatCompletionRoutes(deps));
  app.route('/', telegramRoutes(deps));
  app.route('/', zaloRoutes(deps));

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      // A 413 leaves the rest of the body unread on the socket, and the next request kept alive on
      // it would be read from the middle of that body (686 resets in a row, issue 15): close it.
      const close: Record<string, string> =
        err.status === 413 && deps.runtime === 'node' ? { Connection: 'close' } : {};
      return c.json(errorBody(err.code, err.message), err.status, { ...err.headers, ...close });
    }
    // Thrown by Hono itself (a malformed request it could not route or read): keep its status, use our shape.
    if (err instanceof HTTPException && err.status < 500)
      return c.json(errorBody('BAD_REQUEST', err.message || 'Bad request.'), err.status);
    log('error', 'unhandled error', { path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
    return c.json(errorBody('INTERNAL', 'Internal error; it has been logged.'), 500);
  });
  return app;
}
