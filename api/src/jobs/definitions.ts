import type { JobDefinition } from './runner';

/**
 * Every job this project defines. Each is thin: it calls a module service. Modules add
 * theirs here when they land (campaign launch and dispatch, imports, payment expiry...).
 */
export function jobDefinitions(): JobDefinition<never>[] {
  return [];
}
