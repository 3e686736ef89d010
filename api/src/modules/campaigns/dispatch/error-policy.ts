import type { PauseReason } from '../campaign-types';

/**
 * What a Meta error code means for a message and its campaign (GATEWAYS.md 1.6 and issue 19
 * point 4), decided by `error.code` alone. Synchronous refusals and asynchronous `failed`
 * statuses go through the same table.
 */
export type ErrorAction =
  /** A definite rejection worth another attempt: QUEUED again after `delayMs`. */
  | { kind: 'retry'; delayMs: number; slowChannel?: boolean; slowAll?: boolean; maxAttempts: number }
  /** The campaign (or channel) cannot go on: the message goes back to the queue and the campaign pauses. */
  | { kind: 'pause'; reason: PauseReason }
  /** This recipient cannot get it: FAILED, nothing charged. */
  | { kind: 'fail'; optOutMarketing?: boolean; skipCountry?: boolean; known: boolean };

const SECOND = 1000;

/**
 * 131049, Meta's per-user marketing cap: one more attempt, and only after a full day (a sooner one is refused
 * again and blocks that user for up to 24 h, GATEWAYS.md 1.3). The campaign completes meanwhile, holding only
 * that message's share; a second 131049 fails it.
 */
export const MARKETING_CAP_CODE = 131049;
export const MARKETING_CAP_RETRY_MS = 24 * 3_600_000;

/** Codes Meta documents as worth retrying (a definite rejection). */
export const RETRYABLE_CODES = new Set([1, 2, 4, 130429, 131000, 131016, 131056, 131057]);

/** Permanent errors the table knows: failed, no charge. */
const KNOWN_PERMANENT = new Set([
  131008, 131009, 131021, 131026, 131047, 131051, 131052, 131053, 130472, 132000, 132005, 132007, 132012, 132018,
  132068, 132069, 135000,
]);

export function actionFor(code: number, attempt: number): ErrorAction {
  switch (code) {
    case 130429:
      // Throughput exceeded: lower this channel's rate, requeue at once.
      return { kind: 'retry', delayMs: SECOND, slowChannel: true, maxAttempts: 10 };
    case 4:
      // The app's call rate: one app serves every channel of the installation.
      return { kind: 'retry', delayMs: 5 * SECOND, slowAll: true, maxAttempts: 10 };
    case 131056:
      // Pair rate: this recipient only, 4^n seconds; the others go on.
      return { kind: 'retry', delayMs: 4 ** Math.max(1, attempt) * SECOND, maxAttempts: 6 };
    case 131057:
      return { kind: 'retry', delayMs: 60 * SECOND, maxAttempts: 5 };
    case MARKETING_CAP_CODE:
      return { kind: 'retry', delayMs: MARKETING_CAP_RETRY_MS, maxAttempts: 2 };
    case 1:
    case 131000:
      return { kind: 'retry', delayMs: 2 ** attempt * SECOND, maxAttempts: 4 };
    case 2:
    case 131016:
      return { kind: 'retry', delayMs: 2 ** attempt * 5 * SECOND, maxAttempts: 6 };
    case 131048:
      return { kind: 'pause', reason: 'QUALITY' };
    case 132015:
      return { kind: 'pause', reason: 'TEMPLATE_PAUSED' };
    case 132016:
      return { kind: 'pause', reason: 'TEMPLATE_DISABLED' };
    case 132001:
      return { kind: 'pause', reason: 'TEMPLATE_MISSING' };
    case 131031:
    case 131005:
    case 131045:
    case 133010:
    case 368:
      return { kind: 'pause', reason: 'ACCOUNT' };
    case 131042:
      return { kind: 'pause', reason: 'PAYMENT' };
    case 131063:
      return { kind: 'pause', reason: 'MARKETING_API_ONLY' };
    case 0:
    case 10:
    case 190:
      return { kind: 'pause', reason: 'TOKEN' };
    case 131050:
      return { kind: 'fail', optOutMarketing: true, known: true };
    case 130497:
      return { kind: 'fail', skipCountry: true, known: true };
    default:
      if (code >= 200 && code <= 299) return { kind: 'pause', reason: 'TOKEN' };
      return { kind: 'fail', known: KNOWN_PERMANENT.has(code) };
  }
}

/**
 * Pauses a campaign whose failures look systematic (one bad mapping must not burn 100,000
 * recipients): 20 consecutive failures with the same code, or 5 % of the last 500 outcomes.
 */
export class CircuitBreaker {
  private lastCode: number | null = null;
  private streak = 0;
  private readonly window: boolean[] = [];
  private failures = 0;

  constructor(private readonly options = { streak: 20, windowSize: 500, ratio: 0.05 }) {}

  /** Records one outcome; true when the breaker trips. */
  record(failedWith: number | null): boolean {
    const failed = failedWith !== null;
    if (failed && failedWith === this.lastCode) this.streak += 1;
    else this.streak = failed ? 1 : 0;
    this.lastCode = failed ? failedWith : null;
    this.window.push(failed);
    if (failed) this.failures += 1;
    if (this.window.length > this.options.windowSize && this.window.shift()) this.failures -= 1;
    return (
      this.streak >= this.options.streak ||
      (this.window.length >= this.options.windowSize && this.failures / this.window.length >= this.options.ratio)
    );
  }
}
