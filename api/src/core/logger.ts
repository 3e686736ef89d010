import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths whose values never reach the logs: credentials in headers, secrets in bodies
 * and anything a gateway could echo back.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.secret',
  '*.serverKey',
  '*.server_key',
  '*.signature_key',
  '*.apiKey',
  '*.databaseUrl',
  '*.connectionString',
];

export interface LoggerOptions {
  /** Human-readable lines (pino-pretty) instead of JSON: for `npm start` in a terminal only. */
  pretty?: boolean;
}

export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const target =
    destination ??
    (options.pretty
      ? pino.transport({
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' },
        })
      : undefined);
  return pino(
    {
      level,
      base: { service: 'bizone' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    target,
  );
}

/** Strips the password from a connection URL so it can be shown in a message. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
