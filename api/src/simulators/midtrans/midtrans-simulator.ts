import express, { type Express, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { midtransSignature } from '../../modules/wallet/midtrans/signature';
import { paymentPage, resultPage, SNAP_JS } from './payment-page';

/**
 * A stand-in for Midtrans Snap and the Core API's Get Status / expire, speaking the same
 * shapes and auth (Basic base64(server key + ":")), that sends correctly signed notifications
 * to the URL each transaction named (X-Override-Notification) and retries non-2xx answers on
 * Midtrans' schedule. Time comes from the platform's Clock, so tests compress the schedule.
 */
export interface SimulatedTransaction {
  orderId: string;
  token: string;
  transactionId: string;
  grossAmount: number;
  notificationUrl?: string;
  /** undefined until the payer picks a method (Get Status answers 404 until then, like Midtrans). */
  status?: string;
  fraudStatus?: string;
  paymentType?: string;
  refunds: { refund_chargeback_id: number; refund_amount: string; created_at: string; reason: string }[];
  request: Record<string, unknown>;
}

export interface Delivery {
  url: string;
  body: Record<string, unknown>;
  attempt: number;
  dueAt: number;
  answers: number[];
}

/** How many retries Midtrans makes after a given answer (GATEWAYS.md 2.3), and when. */
export function retriesAfter(status: number): number {
  if (status === 500) return 1;
  if (status === 503) return 4;
  if (status === 400 || status === 404) return 2;
  if (status >= 301 && status <= 303) return 0;
  return 5;
}
export const RETRY_INTERVALS_MIN = [2, 10, 30, 90, 210];

const STATUS_CODES: Record<string, string> = {
  settlement: '200',
  capture: '200',
  refund: '200',
  partial_refund: '200',
  chargeback: '200',
  partial_chargeback: '200',
  pending: '201',
  deny: '202',
  cancel: '202',
  failure: '202',
  expire: '407',
};

export interface MidtransSimulatorOptions {
  serverKey: string;
  merchantId: string;
  clock: Clock;
  /** Every notification goes here instead of the transaction's own URL (tests set it once the API is up). */
  notificationUrl?: string;
}

export class MidtransSimulator {
  readonly transactions = new Map<string, SimulatedTransaction>();
  private readonly byToken = new Map<string, SimulatedTransaction>();
  /** Notifications waiting for a retry. */
  readonly pending: Delivery[] = [];
  /** Every attempt made, with its answer (tests look at these). */
  readonly delivered: { orderId: string; status: string; answer: number }[] = [];
  private baseUrl = '';
  /** Get Status calls received per order id, answered or not (tests check which notifications ask Midtrans). */
  readonly statusCalls = new Map<string, number>();
  /** Latency of Get Status on request (a slow Midtrans; the crash test kills the API inside this wait). */
  statusDelayMs = 0;
  private refundIds = 1;

  constructor(readonly options: MidtransSimulatorOptions) {}

  setNotificationUrl(url: string | undefined): void {
    this.options.notificationUrl = url;
  }

  setBaseUrl(url: string): void {
    this.baseUrl = url;
  }

  mount = (app: Express): void => {
    // midtrans-client posts the JSON literal `null` as the body of expire and cancel: accept it as Midtrans does.
    app.use(express.json({ limit: '64kb', strict: false }));
    app.use(express.urlencoded({ extended: false }));
    app.use((request, _response, next) => {
      if (request.body === null || typeof request.body !== 'object') request.body = {};
      next();
    });
    app.post('/snap/v1/transactions', (request, response) => this.createTransaction(request, response));
    app.get('/v2/:id/status', (request, response) => {
      const orderId = String(request.params.id);
      this.statusCalls.set(orderId, (this.statusCalls.get(orderId) ?? 0) + 1);
      if (this.statusDelayMs <= 0) return this.statusOf(request, response);
      setTimeout(() => this.statusOf(request, response), this.statusDelayMs);
    });
    // Inspection, like the Meta simulator's `/__simulator/meta/...` reads: how often Get Status was asked.
    app.get('/__simulator/midtrans/status-calls', (_request, response) => {
      response.json(Object.fromEntries(this.statusCalls));
    });
    app.get('/__simulator/midtrans/status-calls/:orderId', (request, response) => {
      const orderId = String(request.params.orderId);
      response.json({ orderId, calls: this.statusCalls.get(orderId) ?? 0 });
    });
    app.post('/__simulator/midtrans/config', (request, response) => {
      const { statusDelayMs } = request.body as { statusDelayMs?: number };
      if (typeof statusDelayMs === 'number') this.statusDelayMs = statusDelayMs;
      response.json({ statusDelayMs: this.statusDelayMs });
    });
    app.post('/v2/:id/expire', (request, response) => this.expire(request, response));
    app.get('/snap/snap.js', (_request, response) => {
      // Loaded by the dashboard's page from another origin, as Snap's own script is.
      response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      response.type('application/javascript').send(SNAP_JS);
    });
    app.get('/snap/v3/redirection/:token', (request, response) => this.page(request, response));
    app.post('/snap/v3/redirection/:token', (request, response) => void this.pay(request, response));
    app.post(
      '/__simulator/midtrans/transactions/:orderId',
      (request, response) => void this.control(request, response),
    );
    app.post(
      '/__simulator/midtrans/transactions/:orderId/refund',
      (request, response) => void this.refund(request, response),
    );
    app.post(
      '/__simulator/midtrans/deliver',
      (_request, response) => void this.deliverDue().then((sent) => response.json({ sent })),
    );
  };

  private authorized(request: Request, response: Response): boolean {
    const expected = `Basic ${Buffer.from(`${this.options.serverKey}:`).toString('base64')}`;
    if (request.headers.authorization === expected) return true;
    response.status(401).json({
      status_code: '401',
      status_message: 'Unknown Merchant server_key/id',
      error_messages: ['Access denied due to unauthorized transaction, please check client or server key'],
    });
    return false;
  }

  private createTransaction(request: Request, response: Response): void {
    if (!this.authorized(request, response)) return;
    const body = request.body as {
      transaction_details?: { order_id?: unknown; gross_amount?: unknown };
      item_details?: { price?: unknown; quantity?: unknown }[];
    };
    const orderId = body.transaction_details?.order_id;
    const gross = body.transaction_details?.gross_amount;
    const errors: string[] = [];
    if (typeof orderId !== 'string' || !/^[A-Za-z0-9\-_~.]{1,50}$/.test(orderId)) {
      errors.push('transaction_details.order_id is invalid');
    } else if (this.transactions.has(orderId)) {
      errors.push('transaction_details.order_id has already been taken');
    }
    if (typeof gross !== 'number' || !Number.isInteger(gross) || gross < 1) {
      errors.push('transaction_details.gross_amount must be an integer');
    }
    const items = body.item_details ?? [];
    const sum = items.reduce((total, item) => total + Number(item.price) * Number(item.quantity), 0);
    if (items.length > 0 && sum !== gross) {
      errors.push('transaction_details.gross_amount is not equal to the sum of item_details');
    }
    if (errors.length > 0) {
      response.status(400).json({ error_messages: errors });
      return;
    }
    const token = randomBytes(16).toString('hex');
    const transaction: SimulatedTransaction = {
      orderId: orderId as string,
      token,
      transactionId: `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-sim`,
      grossAmount: gross as number,
      notificationUrl: request.header('x-override-notification') ?? undefined,
      refunds: [],
      request: request.body as Record<string, unknown>,
    };
    this.transactions.set(transaction.orderId, transaction);
    this.byToken.set(token, transaction);
    response.status(201).json({ token, redirect_url: `${this.baseUrl}/snap/v3/redirection/${token}` });
  }

  /** The body Get Status answers and notifications carry, signed. */
  statusBody(transaction: SimulatedTransaction, overrides: { status?: string; fraudStatus?: string } = {}) {
    const status = overrides.status ?? transaction.status ?? 'pending';
    const statusCode = STATUS_CODES[status] ?? '200';
    const grossAmount = `${transaction.grossAmount}.00`;
    const fraud = overrides.fraudStatus ?? transaction.fraudStatus;
    return {
      transaction_time: this.jakartaTime(),
      transaction_status: status,
      transaction_id: transaction.transactionId,
      status_message: 'midtrans payment notification',
      status_code: statusCode,
      signature_key: midtransSignature(transaction.orderId, statusCode, grossAmount, this.options.serverKey),
      payment_type: transaction.paymentType ?? 'gopay',
      order_id: transaction.orderId,
      merchant_id: this.options.merchantId,
      gross_amount: grossAmount,
      currency: 'IDR',
      ...(fraud ? { fraud_status: fraud } : {}),
      ...(transaction.refunds.length > 0
        ? {
            refund_amount: `${transaction.refunds.reduce((total, refund) => total + Number.parseInt(refund.refund_amount, 10), 0)}.00`,
            refunds: transaction.refunds,
          }
        : {}),
    };
  }

  private statusOf(request: Request, response: Response): void {
    if (!this.authorized(request, response)) return;
    const transaction = this.transactions.get(String(request.params.id));
    if (!transaction?.status) {
      response.status(404).json({ status_code: '404', status_message: "Transaction doesn't exist." });
      return;
    }
    response.json(this.statusBody(transaction));
  }

  private expire(request: Request, response: Response): void {
    if (!this.authorized(request, response)) return;
    const transaction = this.transactions.get(String(request.params.id));
    if (!transaction?.status) {
      response.status(404).json({ status_code: '404', status_message: "Transaction doesn't exist." });
      return;
    }
    if (transaction.status !== 'pending') {
      response.status(412).json({ status_code: '412', status_message: 'Transaction status cannot be updated.' });
      return;
    }
    transaction.status = 'expire';
    response.json(this.statusBody(transaction));
  }

  private page(request: Request, response: Response): void {
    const transaction = this.byToken.get(String(request.params.token));
    if (!transaction) {
      response.status(404).type('html').send('<!doctype html><title>Not found</title><p>Unknown payment.</p>');
      return;
    }
    response.type('html').send(paymentPage(transaction, request.query.opened_by === 'snap.js'));
  }

  /** The payment page's form: the person picked a method and an outcome. */
  private async pay(request: Request, response: Response): Promise<void> {
    const transaction = this.byToken.get(String(request.params.token));
    if (!transaction) {
      response.status(404).type('html').send('<!doctype html><p>Unknown payment.</p>');
      return;
    }
    const { method, outcome } = request.body as { method?: string; outcome?: string };
    const [status, fraud] = String(outcome ?? 'settlement').split(':');
    await this.setStatus(transaction, { status: status!, fraudStatus: fraud, paymentType: method });
    response.type('html').send(resultPage(transaction, this.statusBody(transaction).status_code));
  }

  /**
   * Tests' control: set a status and notify (`duplicates` extra copies), or send a list of
   * notifications in the given order without changing the stored status (`sequence`).
   */
  private async control(request: Request, response: Response): Promise<void> {
    const transaction = this.transactions.get(String(request.params.orderId));
    if (!transaction) {
      response.status(404).json({ error: 'unknown order' });
      return;
    }
    const body = request.body as {
      transaction_status?: string;
      fraud_status?: string;
      payment_type?: string;
      notify?: boolean;
      duplicates?: number;
      sequence?: { transaction_status: string; fraud_status?: string }[];
    };
    if (body.sequence) {
      for (const item of body.sequence) {
        await this.notify(
          transaction,
          this.statusBody(transaction, { status: item.transaction_status, fraudStatus: item.fraud_status }),
        );
      }
    } else if (body.transaction_status) {
      await this.setStatus(
        transaction,
        { status: body.transaction_status, fraudStatus: body.fraud_status, paymentType: body.payment_type },
        body.notify ?? true,
        body.duplicates ?? 0,
      );
    }
    response.json({
      answers: this.delivered.filter((entry) => entry.orderId === transaction.orderId).map((entry) => entry.answer),
    });
  }

  /**
   * A refund (or chargeback) of part or all; Midtrans sends its notification twice (`notify: false`: none, for a
   * test that posts the notifications itself).
   */
  private async refund(request: Request, response: Response): Promise<void> {
    const transaction = this.transactions.get(String(request.params.orderId));
    if (!transaction) {
      response.status(404).json({ error: 'unknown order' });
      return;
    }
    const { amount, chargeback, notify } = request.body as { amount: number; chargeback?: boolean; notify?: boolean };
    const id = this.refundIds++;
    transaction.refunds.push({
      refund_chargeback_id: id,
      refund_amount: `${amount}.00`,
      created_at: this.jakartaTime(),
      reason: 'simulated',
    });
    const total = transaction.refunds.reduce((sum, refund) => sum + Number.parseInt(refund.refund_amount, 10), 0);
    const full = total >= transaction.grossAmount;
    transaction.status = chargeback ? (full ? 'chargeback' : 'partial_chargeback') : full ? 'refund' : 'partial_refund';
    if (notify !== false) {
      const body = this.statusBody(transaction);
      await this.notify(transaction, body);
      await this.notify(transaction, {
        ...body,
        refunds: transaction.refunds.map((refund) => ({ ...refund, bank_confirmed_at: this.jakartaTime() })),
      });
    }
    response.json({ refund_chargeback_id: id, transaction_status: transaction.status });
  }

  async setStatus(
    transaction: SimulatedTransaction,
    change: { status: string; fraudStatus?: string; paymentType?: string },
    notify = true,
    duplicates = 0,
  ): Promise<void> {
    transaction.status = change.status;
    transaction.fraudStatus = change.fraudStatus;
    if (change.paymentType) transaction.paymentType = change.paymentType;
    if (!notify) return;
    const body = this.statusBody(transaction);
    await Promise.all(Array.from({ length: 1 + duplicates }, () => this.notify(transaction, body)));
  }

  /** One attempt now; a non-2xx answer schedules the retries Midtrans would make. */
  async notify(transaction: SimulatedTransaction, body: Record<string, unknown>): Promise<number> {
    const url = this.options.notificationUrl ?? transaction.notificationUrl;
    if (!url) return 0;
    return this.attempt({ url, body, attempt: 0, dueAt: this.options.clock.now().getTime(), answers: [] });
  }

  private async attempt(delivery: Delivery): Promise<number> {
    let answer = 0;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
        body: JSON.stringify(delivery.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
      answer = response.status;
      await response.arrayBuffer();
    } catch {
      answer = 0;
    }
    delivery.answers.push(answer);
    this.delivered.push({
      orderId: String(delivery.body.order_id),
      status: String(delivery.body.transaction_status),
      answer,
    });
    const ok = answer >= 200 && answer < 300;
    if (!ok && delivery.attempt < retriesAfter(delivery.answers[0] ?? answer)) {
      const wait = RETRY_INTERVALS_MIN[delivery.attempt]! * 60_000;
      this.pending.push({
        ...delivery,
        attempt: delivery.attempt + 1,
        dueAt: this.options.clock.now().getTime() + wait,
      });
    }
    return answer;
  }

  /** Sends every retry that is due by the clock (a timer calls this; tests call it after moving time). */
  async deliverDue(): Promise<number> {
    const now = this.options.clock.now().getTime();
    const due = this.pending.filter((delivery) => delivery.dueAt <= now);
    for (const delivery of due) this.pending.splice(this.pending.indexOf(delivery), 1);
    for (const delivery of due) await this.attempt(delivery);
    return due.length;
  }

  private jakartaTime(): string {
    const jakarta = new Date(this.options.clock.now().getTime() + 7 * 3_600_000).toISOString();
    return `${jakarta.slice(0, 10)} ${jakarta.slice(11, 19)}`;
  }
}
