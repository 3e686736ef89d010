import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { execute, query } from '../../db/sql';
import { BLOCK_WABA_CALLS, TAKE_WABA_CALL } from './waba-budget.sql';

/** How long to leave a WABA alone after Meta's rate-limit answer (codes 4, 80007, 80008). */
export const RATE_LIMIT_BACKOFF_MS = 15 * 60_000;
export const RATE_LIMIT_CODES = new Set([4, 80007, 80008]);

/**
 * The management API's rate limit, respected before Meta has to enforce it: every template
 * listing call takes one from the WABA's hourly budget, shared by every process and workspace.
 */
export class WabaBudget {
  constructor(
    private readonly clock: Clock,
    private readonly callsPerHour: number,
  ) {}

  /** One call, or RATE_LIMITED (nothing sent to Meta) when the hour's budget is spent or Meta said to wait. */
  async take(em: EntityManager, wabaId: string): Promise<void> {
    const [row] = await query(em, TAKE_WABA_CALL, [wabaId, this.clock.now()]);
    if (!row || row.calls > this.callsPerHour) throw new AppError('RATE_LIMITED', 'channels.metaRateLimited');
  }

  async backOff(em: EntityManager, wabaId: string): Promise<void> {
    await execute(em, BLOCK_WABA_CALLS, [wabaId, new Date(this.clock.now().getTime() + RATE_LIMIT_BACKOFF_MS)]);
  }
}
