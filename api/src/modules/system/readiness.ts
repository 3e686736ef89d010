/** One dependency the process needs before it can serve traffic. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2000;

/** A check that reached its dependency and found it not fit to serve (pending migrations): said as is. */
export class NotReady extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotReady';
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs every check in parallel. Errors are reduced to a short reason: a readiness
 * endpoint is public and must not echo connection strings.
 */
export async function checkReadiness(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const entries = await Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now();
      try {
        await withTimeout(check(), CHECK_TIMEOUT_MS);
        return [name, { ok: true, ms: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        const reason =
          error instanceof NotReady
            ? error.reason
            : error instanceof Error && /timed out/.test(error.message)
              ? 'timeout'
              : 'unreachable';
        return [name, { ok: false, ms: Math.round(performance.now() - started), error: reason }] as const;
      }
    }),
  );
  return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
}
