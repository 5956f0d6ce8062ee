// The one logger shape every surface takes: a level, a message, and structured fields. The default
// writes one JSON line per event, which both `node` and Workers' log tail read as structured logs.

export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, msg: string, extra?: Record<string, unknown>) => void;

export const defaultLog: Log = (level, msg, extra) => {
  console[level === 'info' ? 'log' : level](JSON.stringify({ level, msg, ...extra }));
};
