import { ConfigError } from './config';

/**
 * The last word of a process that could not start: one readable message on stderr (the
 * logger may not exist yet), no stack for configuration mistakes, exit code 1.
 */
export function fail(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`Failed to start: ${error.message}${cause}\n`);
  } else {
    process.stderr.write(`Failed to start: ${String(error)}\n`);
  }
  process.exit(1);
}
