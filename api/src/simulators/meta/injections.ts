/**
 * What the tests ask the simulator to do to the next sends: answer a Graph error (synchronously, or accept and
 * then report it in a `failed` status webhook), or fail the transport (drop the connection, a 5xx without a Graph
 * body, or hang). A rule picks its sends by recipient and/or `biz_opaque_callback_data`, then by count (the next N
 * matching) and/or share (exactly that fraction of matching sends, spread evenly, so tests are deterministic).
 */
export interface SendSelector {
  /** Only sends to this recipient (wa_id digits, as the response's `wa_id`). */
  recipient?: string;
  /** Only sends carrying this `biz_opaque_callback_data`. */
  callbackData?: string;
  /** Only the next N matching sends; without it the rule stays until cleared. */
  count?: number;
  /** This fraction (0..1] of the matching sends: every 1/share-th one. */
  share?: number;
}

export interface ErrorInjection extends SendSelector {
  code: number;
  /** `sync`: a Graph error body in the send response (default); `async`: accepted, then a `failed` webhook. */
  mode?: 'sync' | 'async';
  /** The HTTP status of a synchronous refusal (default: the one Meta uses for the code). */
  status?: number;
}

export interface FaultInjection extends SendSelector {
  /** `drop`: the socket is destroyed before any answer; `status5xx`: an HTML 5xx page; `hang`: no answer for `hangMs`. */
  fault: 'drop' | 'status5xx' | 'hang';
  /** HTTP status for `status5xx` (default 502). */
  status?: number;
  /** How long `hang` keeps the connection open before destroying it (default 10 minutes). */
  hangMs?: number;
  /**
   * Whether Meta took the message before the transport failed: then it is counted, gets a wamid and its status
   * webhooks, and only the answer is lost (the case the dispatcher must record as UNKNOWN and never resend).
   * Default false: the message never reached Meta.
   */
  accepted?: boolean;
}

interface Rule<T> {
  injection: T;
  remaining: number;
  credit: number;
}

export class InjectionRules<T extends SendSelector> {
  private rules: Rule<T>[] = [];

  add(injection: T): void {
    this.rules.push({ injection, remaining: injection.count ?? Infinity, credit: 0 });
  }

  get size(): number {
    return this.rules.length;
  }

  /** The first rule that takes this send (consuming one of its count), if any. */
  match(recipient: string, callbackData: string | undefined): T | undefined {
    if (this.rules.length === 0) return undefined;
    for (const rule of this.rules) {
      const { injection } = rule;
      if (injection.recipient !== undefined && injection.recipient !== recipient) continue;
      if (injection.callbackData !== undefined && injection.callbackData !== callbackData) continue;
      if (injection.share !== undefined) {
        rule.credit += injection.share;
        if (rule.credit < 1) continue;
        rule.credit -= 1;
      }
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((other) => other !== rule);
      return injection;
    }
    return undefined;
  }

  clear(): void {
    this.rules = [];
  }
}

/** An even spread of a fraction: `hit()` is true for exactly `share` of the calls (every 1/share-th). */
export class Share {
  private credit = 0;

  constructor(public share: number) {}

  hit(): boolean {
    if (this.share <= 0) return false;
    this.credit += this.share;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }
}
