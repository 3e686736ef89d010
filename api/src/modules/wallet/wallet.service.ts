import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { formatRupiah, rupiah, type Rupiah } from '../../core/money';
import { inTransaction } from '../../db/transaction';
import { execute, query } from '../../db/sql';
import { Permission } from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import {
  ENSURE_WALLET,
  ENSURE_WALLETS,
  FIND_ENTRY_BY_KEY,
  FIND_ENTRY_KEYS,
  INSERT_ENTRIES,
  INSERT_ENTRY,
  INSERT_HOLD,
  LEDGER_SUMS,
  LOCK_WALLET,
  LOCK_WALLETS,
  OPEN_HOLDS,
  PAGE_ENTRIES,
  READ_HOLD,
  READ_WALLET,
  SET_THRESHOLD,
  UPDATE_HOLD,
  UPDATE_WALLET,
  UPDATE_WALLETS,
  type HoldRow,
  type LedgerRow,
} from './wallet.sql';

export type LedgerKind = 'TOPUP' | 'HOLD' | 'CAPTURE' | 'RELEASE' | 'REFUND' | 'REVERSAL' | 'DEBIT' | 'ADJUSTMENT';
export const LEDGER_KINDS: LedgerKind[] = [
  'TOPUP',
  'HOLD',
  'CAPTURE',
  'RELEASE',
  'REFUND',
  'REVERSAL',
  'DEBIT',
  'ADJUSTMENT',
];

export interface WalletSummary {
  balance: Rupiah;
  held: Rupiah;
  /** balance - held; below zero only after a reversal the balance did not cover. */
  available: Rupiah;
  /** max(0, -available): while above zero, holds (launches, resumes) and sending are refused. */
  debt: Rupiah;
  lowBalanceThreshold: Rupiah;
}

export interface LedgerEntryView {
  id: string;
  kind: LedgerKind;
  amount: Rupiah;
  heldDelta: Rupiah;
  balanceAfter: Rupiah;
  heldAfter: Rupiah;
  reference: string;
  idempotencyKey: string;
  actor: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** The outcome of a change: the entry that records it, and whether this call made it (false: a replay). */
export interface Applied {
  entry: LedgerEntryView;
  applied: boolean;
}

/** Who or what caused a change: `user:<id>`, `midtrans`, `job:reconcile`, `campaign:<id>`. */
export type Actor = string;

interface Common {
  /** The ledger's uniqueness key: the same key is the same change, applied once. */
  key: string;
  reference: string;
  actor: Actor;
  details?: Record<string, unknown>;
  /**
   * The new entry's id, chosen by a caller that writes it on its own rows in the same transaction before the
   * entry exists (the dispatcher's messages name the CAPTURE or REFUND that moved their money). A replayed key
   * returns the earlier entry, whose id differs: the caller must check `entry.id`.
   */
  entryId?: string;
}

/**
 * What the wallet asks of the broadcast engine when a payment is reversed (issue 17 point 5: every reversal,
 * whether the unheld balance covers it or not, stops the workspace's spending until a member resumes).
 * `lockForReversal` runs first in the reversal's transaction, before the wallet's lock: it locks the campaigns the
 * reversal will pause, in the order every launch, claim and completion takes them (a campaign, then the wallet),
 * so a launch or a claim committing beside the reversal never waits on it in a cycle. `pauseForReversal` runs
 * under the wallet's lock: it pauses every running or scheduled campaign (reason WALLET_REVERSAL, told to their
 * senders) and says, per hold, how much must stay held (messages already in flight); a hold it does not name is
 * released in full. Without an engine every open hold is released in full.
 */
export interface ReversalHandler {
  lockForReversal(tx: EntityManager, workspaceId: string): Promise<void>;
  pauseForReversal(tx: EntityManager, workspaceId: string): Promise<Map<string, Rupiah>>;
}

const ZERO = rupiah(0);

function toView(row: LedgerRow): LedgerEntryView {
  return {
    id: row.id,
    kind: row.kind as LedgerKind,
    amount: rupiah(row.amount),
    heldDelta: rupiah(row.held_delta),
    balanceAfter: rupiah(row.balance_after),
    heldAfter: rupiah(row.held_after),
    reference: row.reference,
    idempotencyKey: row.idempotency_key,
    actor: row.actor,
    details: row.details,
    createdAt: new Date(row.created_at),
  };
}

export function summarize(balance: Rupiah, held: Rupiah, lowBalanceThreshold: Rupiah): WalletSummary {
  const available = rupiah(balance - held);
  return { balance, held, available, debt: rupiah(available < 0n ? -available : 0n), lowBalanceThreshold };
}

function positive(amount: Rupiah, field = 'amount'): void {
  if (amount <= 0n)
    throw new AppError('BAD_USER_INPUT', 'wallet.amountPositive', {}, { [field]: 'wallet.amountPositive' });
}

/**
 * The only writer of balances. Every operation runs in one transaction that first locks the
 * wallet row, then checks the idempotency key, the guard (available balance, the hold's
 * remainder), and writes the ledger entry and the new totals together. Inside a caller's
 * transaction (a notification being applied, a campaign batch) it joins that transaction.
 */
export class WalletService {
  private reversalHandler?: ReversalHandler;

  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly options: { lockTimeoutMs: number } = { lockTimeoutMs: 10_000 },
  ) {}

  /** The broadcast engine registers itself here (it is built after the wallet). */
  setReversalHandler(handler: ReversalHandler): void {
    this.reversalHandler = handler;
  }

  async summary(em: EntityManager, workspaceId: string): Promise<WalletSummary> {
    const [row] = await query(em, READ_WALLET, [workspaceId]);
    if (!row) return summarize(ZERO, ZERO, ZERO);
    return summarize(rupiah(row.balance), rupiah(row.held), rupiah(row.low_balance_threshold));
  }

  /** The ledger's own sums, for checks and tests: must equal the wallet's totals. */
  async ledgerSums(em: EntityManager, workspaceId: string) {
    const [row] = await query(em, LEDGER_SUMS, [workspaceId]);
    return { balance: rupiah(row!.balance), held: rupiah(row!.held), entries: row!.entries };
  }

  /** Reserves money for a campaign. Refused while in debt or when the available balance is short. */
  async hold(
    em: EntityManager,
    workspaceId: string,
    input: Common & { amount: Rupiah },
  ): Promise<Applied & { holdId: string }> {
    positive(input.amount);
    const holdId = newId();
    const result = await this.change(em, workspaceId, input, async (tx, wallet) => {
      if (wallet.debt > 0n) throw this.debtError(wallet.debt);
      if (wallet.available < input.amount) {
        throw new AppError('INSUFFICIENT_BALANCE', 'wallet.insufficient', {
          shortfall: formatRupiah(input.amount - wallet.available),
        });
      }
      await execute(tx, INSERT_HOLD, [
        workspaceId,
        holdId,
        wallet.id,
        input.reference,
        input.amount.toString(),
        this.now(),
      ]);
      return { kind: 'HOLD', amount: ZERO, heldDelta: input.amount, details: { holdId } };
    });
    return { ...result, holdId: String(result.entry.details.holdId) };
  }

  /**
   * Charges a batch from a hold: one entry for n messages (`amount` = n x price, `reference`
   * the batch). Not refused in debt: the messages were already accepted by Meta.
   */
  async capture(em: EntityManager, workspaceId: string, input: Common & { holdId: string; amount: Rupiah }) {
    positive(input.amount);
    return this.change(em, workspaceId, input, async (tx) => {
      const hold = await this.openHold(tx, workspaceId, input.holdId);
      if (rupiah(hold.remaining) < input.amount) {
        throw new AppError('CONFLICT', 'wallet.holdExceeded', { remaining: formatRupiah(rupiah(hold.remaining)) });
      }
      await this.updateHold(tx, workspaceId, hold, -input.amount, input.amount);
      return {
        kind: 'CAPTURE',
        amount: rupiah(-input.amount),
        heldDelta: rupiah(-input.amount),
        details: { holdId: hold.id },
      };
    });
  }

  /** Gives back what a hold still reserves (all of it, or `amount`); the hold closes when nothing remains. */
  async release(em: EntityManager, workspaceId: string, input: Common & { holdId: string; amount?: Rupiah }) {
    return this.change(em, workspaceId, input, async (tx) => {
      const hold = await this.openHold(tx, workspaceId, input.holdId);
      const amount = input.amount ?? rupiah(hold.remaining);
      if (amount < 0n || amount > rupiah(hold.remaining)) {
        throw new AppError('CONFLICT', 'wallet.holdExceeded', { remaining: formatRupiah(rupiah(hold.remaining)) });
      }
      await this.updateHold(tx, workspaceId, hold, -amount, ZERO, amount === rupiah(hold.remaining));
      return { kind: 'RELEASE', amount: ZERO, heldDelta: rupiah(-amount), details: { holdId: hold.id } };
    });
  }

  /**
   * Puts money back into a hold (reopening it if it closed): a charged message that was refunded and will be
   * sent once more (the broadcast engine's 131049 retry). Refused, like a new hold, while in debt or when the
   * available balance is short.
   */
  async holdAgain(em: EntityManager, workspaceId: string, input: Common & { holdId: string; amount: Rupiah }) {
    positive(input.amount);
    return this.change(em, workspaceId, input, async (tx, wallet) => {
      if (wallet.debt > 0n) throw this.debtError(wallet.debt);
      if (wallet.available < input.amount) {
        throw new AppError('INSUFFICIENT_BALANCE', 'wallet.insufficient', {
          shortfall: formatRupiah(input.amount - wallet.available),
        });
      }
      const [hold] = await query(tx, READ_HOLD, [workspaceId, input.holdId]);
      if (!hold) throw new AppError('NOT_FOUND', 'wallet.holdNotFound');
      await this.updateHold(tx, workspaceId, { ...hold, status: 'OPEN' }, input.amount, 0n);
      return { kind: 'HOLD', amount: ZERO, heldDelta: input.amount, details: { holdId: hold.id, again: true } };
    });
  }

  /** Money in: a paid top-up. */
  async credit(em: EntityManager, workspaceId: string, input: Common & { amount: Rupiah }) {
    positive(input.amount);
    return this.change(em, workspaceId, input, async () => ({ kind: 'TOPUP', amount: input.amount, heldDelta: ZERO }));
  }

  /**
   * Many top-up credits at once, of any workspaces (a batch of confirmed payments): the same
   * guarantees as `credit` for each (one entry per key, a replayed key changes nothing), in
   * four statements whatever the count: the wallets locked in workspace order (created first
   * where missing), their keys checked, the entries written, the totals moved. Returns, per
   * credit, whether this call applied it. A credit only raises the available balance, so no
   * low-balance or debt notification can follow from one.
   */
  async creditMany(
    em: EntityManager,
    credits: (Common & { workspaceId: string; amount: Rupiah })[],
  ): Promise<boolean[]> {
    if (credits.length === 0) return [];
    credits.forEach((credit) => positive(credit.amount));
    const workspaceIds = [...new Set(credits.map((credit) => credit.workspaceId))].sort();
    return inTransaction(em, { lockTimeoutMs: this.options.lockTimeoutMs }, async (tx) => {
      let locked = await query(tx, LOCK_WALLETS, [workspaceIds]);
      if (locked.length < workspaceIds.length) {
        const have = new Set(locked.map((row) => row.workspace_id));
        const missing = workspaceIds.filter((id) => !have.has(id));
        await execute(tx, ENSURE_WALLETS, [missing, missing.map(() => newId()), this.now()]);
        locked = await query(tx, LOCK_WALLETS, [workspaceIds]);
      }
      const wallets = new Map(
        locked.map((row) => [row.workspace_id, { id: row.id, balance: rupiah(row.balance), held: rupiah(row.held) }]),
      );
      const walletOf = (workspaceId: string) => {
        const wallet = wallets.get(workspaceId);
        if (!wallet) throw new Error(`wallet of workspace ${workspaceId} vanished under its lock`);
        return wallet;
      };
      const earlier = await query(tx, FIND_ENTRY_KEYS, [
        credits.map((credit) => credit.workspaceId),
        credits.map((credit) => walletOf(credit.workspaceId).id),
        credits.map((credit) => credit.key),
      ]);
      const taken = new Set(earlier.map((row) => `${row.workspace_id} ${row.idempotency_key}`));
      const now = this.now();
      const entries: unknown[][] = Array.from({ length: 12 }, () => []);
      const applied = credits.map((credit) => {
        const keyOf = `${credit.workspaceId} ${credit.key}`;
        if (taken.has(keyOf)) return false;
        taken.add(keyOf);
        const wallet = walletOf(credit.workspaceId);
        wallet.balance = rupiah(wallet.balance + credit.amount);
        [
          credit.workspaceId,
          newId(),
          wallet.id,
          'TOPUP',
          credit.amount.toString(),
          '0',
          wallet.balance.toString(),
          wallet.held.toString(),
          credit.reference,
          credit.key,
          credit.actor,
          JSON.stringify(credit.details ?? {}),
        ].forEach((value, column) => entries[column]!.push(value));
        return true;
      });
      if (entries[0]!.length === 0) return applied;
      await execute(tx, INSERT_ENTRIES, [...entries, now]);
      const moved = [...new Set(entries[0] as string[])];
      await execute(tx, UPDATE_WALLETS, [
        moved,
        moved.map((id) => walletOf(id).balance.toString()),
        moved.map((id) => walletOf(id).held.toString()),
        now,
      ]);
      return applied;
    });
  }

  /** Money back for charged messages (a batch: n x their charged price, one entry). */
  async refund(em: EntityManager, workspaceId: string, input: Common & { amount: Rupiah }) {
    positive(input.amount);
    return this.change(em, workspaceId, input, async () => ({ kind: 'REFUND', amount: input.amount, heldDelta: ZERO }));
  }

  /**
   * Money out that is not a message charge. A `REVERSAL` (Midtrans refund, chargeback, deny after settlement) is
   * applied in full even below zero and, in the same transaction, pauses the workspace's running and scheduled
   * campaigns and releases their holds but for the share of messages in flight (ReversalHandler): a payment
   * taken back stops spending at once, and a member resumes once the balance covers what is left (refused while
   * in debt).
   */
  async debit(em: EntityManager, workspaceId: string, input: Common & { amount: Rupiah; kind?: 'DEBIT' | 'REVERSAL' }) {
    positive(input.amount);
    const kind = input.kind ?? 'DEBIT';
    return inTransaction(em, { lockTimeoutMs: this.options.lockTimeoutMs }, async (outer) => {
      // The campaigns before the wallet: the order of every transaction that takes both (see ReversalHandler).
      if (kind === 'REVERSAL') await this.reversalHandler?.lockForReversal(outer, workspaceId);
      return this.change(outer, workspaceId, input, async (tx, wallet) => {
        if (kind === 'DEBIT' && wallet.available < input.amount) {
          throw new AppError('INSUFFICIENT_BALANCE', 'wallet.insufficient', {
            shortfall: formatRupiah(input.amount - wallet.available),
          });
        }
        const released = kind === 'REVERSAL' ? await this.releaseForReversal(tx, workspaceId) : ZERO;
        return {
          kind,
          amount: rupiah(-input.amount),
          heldDelta: rupiah(-released),
          details: { released: released.toString() },
        };
      });
    });
  }

  /** A signed correction by the platform admin, with its reason in the details. */
  async adjust(em: EntityManager, workspaceId: string, input: Common & { amount: Rupiah; reason: string }) {
    if (input.amount === 0n) throw new AppError('BAD_USER_INPUT', 'wallet.amountPositive');
    return this.change(
      em,
      workspaceId,
      { ...input, details: { ...input.details, reason: input.reason } },
      async () => ({
        kind: 'ADJUSTMENT',
        amount: input.amount,
        heldDelta: ZERO,
      }),
    );
  }

  /**
   * What the engine calls before launching, resuming or sending a batch: refused while in debt. With `lock` (inside
   * the caller's transaction) the wallet's row is locked for the check, so a reversal committing meanwhile is seen:
   * a resume that needs no new hold would otherwise read no debt, then commit RUNNING after the reversal paused
   * everything else.
   */
  async assertCanSend(em: EntityManager, workspaceId: string, options: { lock?: boolean } = {}): Promise<void> {
    if (options.lock && !em.isInTransaction()) throw new Error('assertCanSend({ lock: true }) needs a transaction');
    const wallet = options.lock ? await this.lock(em, workspaceId) : await this.summary(em, workspaceId);
    if (wallet.debt > 0n) throw this.debtError(wallet.debt);
  }

  async setLowBalanceThreshold(em: EntityManager, workspaceId: string, threshold: Rupiah): Promise<WalletSummary> {
    if (threshold < 0n) throw new AppError('BAD_USER_INPUT', 'wallet.amountPositive');
    return inTransaction(em, { lockTimeoutMs: this.options.lockTimeoutMs }, async (tx) => {
      await this.lock(tx, workspaceId);
      await execute(tx, SET_THRESHOLD, [workspaceId, threshold.toString(), this.now()]);
      return this.summary(tx, workspaceId);
    });
  }

  /** A page of entries, newest first; `from`/`before` bound their time (`before` exclusive). */
  async page(
    em: EntityManager,
    workspaceId: string,
    options: { after?: string; kinds?: string[]; from?: Date | null; before?: Date | null; limit: number },
  ) {
    const rows = await query(em, PAGE_ENTRIES, [
      workspaceId,
      options.after ?? null,
      options.kinds ?? null,
      options.limit + 1,
      options.from ?? null,
      options.before ?? null,
    ]);
    return { items: rows.slice(0, options.limit).map(toView), hasNextPage: rows.length > options.limit };
  }

  async openHolds(em: EntityManager, workspaceId: string): Promise<HoldRow[]> {
    return query(em, OPEN_HOLDS, [workspaceId]);
  }

  private debtError(debt: Rupiah): AppError {
    return new AppError('INSUFFICIENT_BALANCE', 'wallet.inDebt', { debt: formatRupiah(debt) });
  }

  private now(): Date {
    return this.clock.now();
  }

  /** Locks the wallet row, creating it the first time (one round trip when it exists, the usual case). */
  private async lock(tx: EntityManager, workspaceId: string) {
    let [row] = await query(tx, LOCK_WALLET, [workspaceId]);
    if (!row) {
      await execute(tx, ENSURE_WALLET, [workspaceId, newId(), this.now()]);
      [row] = await query(tx, LOCK_WALLET, [workspaceId]);
    }
    if (!row) throw new Error(`wallet of workspace ${workspaceId} vanished under its lock`);
    return { id: row.id, ...summarize(rupiah(row.balance), rupiah(row.held), rupiah(row.low_balance_threshold)) };
  }

  private async openHold(tx: EntityManager, workspaceId: string, holdId: string): Promise<HoldRow> {
    const [hold] = await query(tx, READ_HOLD, [workspaceId, holdId]);
    if (!hold) throw new AppError('NOT_FOUND', 'wallet.holdNotFound');
    if (hold.status !== 'OPEN') throw new AppError('CONFLICT', 'wallet.holdClosed');
    return hold;
  }

  private async updateHold(
    tx: EntityManager,
    workspaceId: string,
    hold: HoldRow,
    delta: bigint,
    captured: bigint,
    close = false,
  ) {
    const remaining = rupiah(hold.remaining) + delta;
    await execute(tx, UPDATE_HOLD, [
      workspaceId,
      hold.id,
      remaining.toString(),
      (rupiah(hold.captured) + captured).toString(),
      close || remaining === 0n ? 'CLOSED' : 'OPEN',
      this.now(),
    ]);
  }

  /** Releases every open hold of the workspace, less what the engine keeps for messages in flight. */
  private async releaseForReversal(tx: EntityManager, workspaceId: string): Promise<Rupiah> {
    const keep = (await this.reversalHandler?.pauseForReversal(tx, workspaceId)) ?? new Map<string, Rupiah>();
    let released = 0n;
    for (const hold of await query(tx, OPEN_HOLDS, [workspaceId])) {
      const remaining = rupiah(hold.remaining);
      const kept = keep.get(hold.id) ?? 0n;
      const amount = remaining - (kept < remaining ? kept : remaining);
      if (amount <= 0n) continue;
      await this.updateHold(tx, workspaceId, hold, -amount, 0n, amount === remaining);
      released += amount;
    }
    return rupiah(released);
  }

  /**
   * The one write path: lock, replay check, guard, entry, totals, and the notifications the
   * new totals call for, in one transaction.
   */
  private async change(
    em: EntityManager,
    workspaceId: string,
    input: Common,
    decide: (
      tx: EntityManager,
      wallet: WalletSummary & { id: string },
    ) => Promise<{ kind: LedgerKind; amount: Rupiah; heldDelta: Rupiah; details?: Record<string, unknown> }>,
  ): Promise<Applied> {
    return inTransaction(em, { lockTimeoutMs: this.options.lockTimeoutMs }, async (tx) => {
      const wallet = await this.lock(tx, workspaceId);
      const [earlier] = await query(tx, FIND_ENTRY_BY_KEY, [workspaceId, wallet.id, input.key]);
      if (earlier) return { entry: toView(earlier), applied: false };
      const change = await decide(tx, wallet);
      const balance = rupiah(wallet.balance + change.amount);
      const held = rupiah(wallet.held + change.heldDelta);
      const id = input.entryId ?? newId();
      const now = this.now();
      const details = { ...input.details, ...change.details };
      await execute(tx, INSERT_ENTRY, [
        workspaceId,
        id,
        wallet.id,
        change.kind,
        change.amount.toString(),
        change.heldDelta.toString(),
        balance.toString(),
        held.toString(),
        input.reference,
        input.key,
        input.actor,
        JSON.stringify(details),
        now,
      ]);
      await execute(tx, UPDATE_WALLET, [workspaceId, balance.toString(), held.toString(), now]);
      await this.notifyThresholds(tx, workspaceId, wallet, summarize(balance, held, wallet.lowBalanceThreshold));
      const entry: LedgerEntryView = {
        id,
        kind: change.kind,
        amount: change.amount,
        heldDelta: change.heldDelta,
        balanceAfter: balance,
        heldAfter: held,
        reference: input.reference,
        idempotencyKey: input.key,
        actor: input.actor,
        details,
        createdAt: now,
      };
      return { entry, applied: true };
    });
  }

  /** Tells the wallet's readers when available balance crosses under the threshold, or a debt begins. */
  private async notifyThresholds(tx: EntityManager, workspaceId: string, before: WalletSummary, after: WalletSummary) {
    const audience = { permission: Permission.WALLET_READ };
    if (before.debt === 0n && after.debt > 0n) {
      await this.notifications.notify(
        tx,
        workspaceId,
        NotificationType.WALLET_DEBT,
        { debt: after.debt.toString() },
        audience,
      );
      return;
    }
    const threshold = after.lowBalanceThreshold;
    if (threshold > 0n && before.available >= threshold && after.available < threshold) {
      await this.notifications.notify(
        tx,
        workspaceId,
        NotificationType.LOW_BALANCE,
        { available: after.available.toString() },
        audience,
      );
    }
  }
}
