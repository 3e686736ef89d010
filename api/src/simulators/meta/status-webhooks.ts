import { createHmac } from 'node:crypto';
import { Share } from './injections';
import { webhookError, type WebhookError } from './graph-errors';

/**
 * Meta's webhook deliveries from the simulator: status updates (sent, delivered, read, failed) for accepted
 * messages, plus any other change (inbound messages, `user_preferences`) the tests ask for, POSTed to one URL and
 * signed with the app secret (`X-Hub-Signature-256`). Statuses wait in a heap by due time; each delivery round
 * takes what is due, several statuses per POST when there are several (as Meta batches when busy), and a POST
 * the receiver answers non-2xx (or cannot be reached) is retried after the configured delays, then dropped.
 * Delays, duplicates and reordering are settings, so tests can make Meta's disorder happen on purpose.
 */
export type Delay = number | readonly [min: number, max: number];

export interface WebhookSettings {
  /** Where deliveries go; without one they are counted as dropped. */
  url?: string;
  appSecret: string;
  /** From acceptance to each status (clock ms). */
  sentDelayMs: Delay;
  deliveredDelayMs: Delay;
  readDelayMs: Delay;
  /** Fraction of delivered messages that are also read. */
  readShare: number;
  /** Fraction of messages whose every status is delivered twice. */
  duplicateShare: number;
  /** Fraction of messages whose statuses arrive in reverse order (read or delivered before sent). */
  reorderShare: number;
  /** The most statuses in one POST. */
  maxBatch: number;
  /** Waits before each retry of a POST the receiver refused; after the last one it is dropped. */
  retryDelaysMs: readonly number[];
  /** POSTs in flight at once. */
  maxInFlight: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: Omit<WebhookSettings, 'appSecret'> = {
  sentDelayMs: 0,
  deliveredDelayMs: 100,
  readDelayMs: 1000,
  readShare: 0,
  duplicateShare: 0,
  reorderShare: 0,
  maxBatch: 100,
  retryDelaysMs: [1000, 5000, 30_000, 120_000],
  maxInFlight: 8,
};

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  category: string;
  type: 'regular' | 'free_customer_service';
}

export interface StatusUpdate {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  pricing?: Pricing;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
  errors?: WebhookError[];
}

export interface SenderNumber {
  wabaId: string;
  phoneNumberId: string;
  /** Digits only, as Meta's `metadata.display_phone_number`. */
  displayPhoneNumber: string;
}

/** An accepted message whose statuses are to be reported. */
export interface AcceptedMessage {
  wamid: string;
  waId: string;
  callbackData?: string;
  pricing: Pricing;
  /** Graph API major version of the send: before v24 statuses carry a `conversation` object. */
  apiVersion: number;
  /** Set when the message is to fail after acceptance (asynchronous error). */
  failWith?: number;
}

export interface WebhookDelivery {
  body: string;
  statuses: number;
  attempt: number;
  /** The receiver's HTTP status, or 0 when it could not be reached. */
  answer: number;
}

interface QueuedStatus {
  due: number;
  seq: number;
  sender: SenderNumber;
  status: StatusUpdate;
}

interface PreparedBody {
  due: number;
  body: string;
  statuses: number;
  attempt: number;
}

const KEPT_DELIVERIES = 2000;

export class StatusWebhooks {
  settings: WebhookSettings;
  private readonly heap: QueuedStatus[] = [];
  private prepared: PreparedBody[] = [];
  private seq = 0;
  private inFlight = 0;
  private readonly reads: Share;
  private readonly duplicates: Share;
  private readonly reorders: Share;
  /** The latest deliveries (bounded), oldest first. */
  readonly deliveries: WebhookDelivery[] = [];
  /** Statuses that reached the receiver with a 2xx answer, and statuses given up on. */
  delivered = 0;
  dropped = 0;

  constructor(
    settings: Partial<WebhookSettings> & { appSecret: string },
    private readonly now: () => number,
  ) {
    this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...settings };
    this.reads = new Share(this.settings.readShare);
    this.duplicates = new Share(this.settings.duplicateShare);
    this.reorders = new Share(this.settings.reorderShare);
  }

  configure(settings: Partial<WebhookSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.reads.share = this.settings.readShare;
    this.duplicates.share = this.settings.duplicateShare;
    this.reorders.share = this.settings.reorderShare;
  }

  /** Statuses and bodies not yet delivered (retries included). */
  get pending(): number {
    return this.heap.length + this.prepared.length + this.inFlight;
  }

  /** Bodies refused before and waiting for their next attempt: which attempt, and in how many ms (diagnostics). */
  retrying(): { attempt: number; dueInMs: number; statuses: number }[] {
    const now = this.now();
    return this.prepared
      .filter((body) => body.attempt > 0)
      .map((body) => ({ attempt: body.attempt, dueInMs: Math.round(body.due - now), statuses: body.statuses }));
  }

  /** Schedules the statuses of a message Meta accepted, from `acceptedAt` (clock ms). */
  track(sender: SenderNumber, message: AcceptedMessage, acceptedAt: number): void {
    const { settings } = this;
    const sentAt = acceptedAt + delay(settings.sentDelayMs);
    const base = {
      id: message.wamid,
      recipient_id: message.waId,
      ...(message.callbackData !== undefined ? { biz_opaque_callback_data: message.callbackData } : {}),
    };
    const conversationId = message.apiVersion < 24 ? randomHex(16) : undefined;
    const conversation = (withExpiry: boolean) =>
      conversationId
        ? {
            conversation: {
              id: conversationId,
              ...(withExpiry ? { expiration_timestamp: String(Math.floor(sentAt / 1000) + 86_400) } : {}),
              origin: { type: message.pricing.category },
            },
          }
        : {};
    const timeline: { at: number; status: StatusUpdate }[] = [];
    const at = (time: number) => String(Math.floor(time / 1000));
    if (message.failWith !== undefined) {
      timeline.push({
        at: sentAt,
        status: { ...base, status: 'failed', timestamp: at(sentAt), errors: [webhookError(message.failWith)] },
      });
    } else {
      const pricing = { pricing: message.pricing };
      timeline.push({
        at: sentAt,
        status: { ...base, status: 'sent', timestamp: at(sentAt), ...conversation(true), ...pricing },
      });
      const deliveredAt = Math.max(sentAt, acceptedAt + delay(settings.deliveredDelayMs));
      timeline.push({
        at: deliveredAt,
        status: { ...base, status: 'delivered', timestamp: at(deliveredAt), ...conversation(false), ...pricing },
      });
      if (this.reads.hit()) {
        const readAt = Math.max(deliveredAt, acceptedAt + delay(settings.readDelayMs));
        timeline.push({ at: readAt, status: { ...base, status: 'read', timestamp: at(readAt) } });
      }
    }
    if (timeline.length > 1 && this.reorders.hit()) {
      // The same moments, the statuses reversed: the last one arrives first.
      const times = timeline.map((entry) => entry.at);
      timeline.reverse().forEach((entry, index) => (entry.at = times[index]!));
    }
    const copies = this.duplicates.hit() ? 2 : 1;
    for (const entry of timeline) {
      for (let copy = 0; copy < copies; copy += 1)
        this.push({ due: entry.at, seq: this.seq++, sender, status: entry.status });
    }
  }

  /** Queues any other change (`messages` with inbound messages, `user_preferences`...) for delivery now. */
  send(sender: SenderNumber, field: string, value: Record<string, unknown>): void {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: sender.wabaId,
          changes: [{ field, value: { messaging_product: 'whatsapp', ...metadata(sender), ...value } }],
        },
      ],
    });
    this.prepared.push({ due: this.now(), body, statuses: 0, attempt: 0 });
  }

  /** Delivers everything due by the clock (several POSTs, up to `maxInFlight` at once); resolves when they answered. */
  async deliverDue(): Promise<number> {
    const now = this.now();
    if (!this.settings.url) {
      // Nowhere to post (a benchmark of sends alone): count what falls due without building bodies.
      while (this.heap.length > 0 && this.heap[0]!.due <= now) {
        this.pop();
        this.dropped += 1;
      }
      this.prepared = this.prepared.filter((body) => body.due > now);
      return 0;
    }
    const posts: Promise<number>[] = [];
    while (this.inFlight < this.settings.maxInFlight) {
      const index = this.prepared.findIndex((body) => body.due <= now);
      if (index >= 0) {
        const [body] = this.prepared.splice(index, 1);
        posts.push(this.post(body!));
        continue;
      }
      if (this.heap.length === 0 || this.heap[0]!.due > now) break;
      const batch: QueuedStatus[] = [];
      while (batch.length < this.settings.maxBatch && this.heap.length > 0 && this.heap[0]!.due <= now)
        batch.push(this.pop());
      posts.push(this.post({ due: now, body: statusBody(batch), statuses: batch.length, attempt: 0 }));
    }
    const delivered = await Promise.all(posts);
    return delivered.reduce((total, count) => total + count, 0);
  }

  /** Back to the default settings (keeping the URL and the secret: they are the installation's), queue emptied. */
  reset(): void {
    this.configure({ ...DEFAULT_WEBHOOK_SETTINGS, url: this.settings.url, appSecret: this.settings.appSecret });
    this.clear();
  }

  /** Empties the queue and the delivery log. */
  clear(): void {
    this.heap.length = 0;
    this.prepared = [];
    this.deliveries.length = 0;
    this.delivered = 0;
    this.dropped = 0;
  }

  private async post(prepared: PreparedBody): Promise<number> {
    const { url, appSecret, retryDelaysMs } = this.settings;
    if (!url) {
      this.dropped += prepared.statuses;
      return 0;
    }
    this.inFlight += 1;
    let answer = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(prepared.body).digest('hex')}`,
        },
        body: prepared.body,
        signal: AbortSignal.timeout(10_000),
      });
      answer = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      answer = 0;
    } finally {
      this.inFlight -= 1;
    }
    this.deliveries.push({ body: prepared.body, statuses: prepared.statuses, attempt: prepared.attempt, answer });
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - KEPT_DELIVERIES);
    if (answer >= 200 && answer < 300) {
      this.delivered += prepared.statuses;
      return prepared.statuses;
    }
    const wait = retryDelaysMs[prepared.attempt];
    if (wait === undefined) this.dropped += prepared.statuses;
    else this.prepared.push({ ...prepared, due: this.now() + wait, attempt: prepared.attempt + 1 });
    return 0;
  }

  private push(item: QueuedStatus): void {
    const heap = this.heap;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!earlier(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): QueuedStatus {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && earlier(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && earlier(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

function earlier(a: QueuedStatus, b: QueuedStatus): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

function delay(value: Delay): number {
  if (typeof value === 'number') return value;
  const [min, max] = value;
  return min + Math.floor(Math.random() * (max - min + 1));
}

function randomHex(bytes: number): string {
  let text = '';
  for (let index = 0; index < bytes; index += 1)
    text += Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0');
  return text;
}

function metadata(sender: SenderNumber) {
  return { metadata: { display_phone_number: sender.displayPhoneNumber, phone_number_id: sender.phoneNumberId } };
}

/** One POST's body: an entry per WABA, a `messages` change per phone number, its statuses in due order. */
function statusBody(batch: readonly QueuedStatus[]): string {
  const byWaba = new Map<string, Map<string, { sender: SenderNumber; statuses: StatusUpdate[] }>>();
  for (const item of batch) {
    let numbers = byWaba.get(item.sender.wabaId);
    if (!numbers) byWaba.set(item.sender.wabaId, (numbers = new Map()));
    let change = numbers.get(item.sender.phoneNumberId);
    if (!change) numbers.set(item.sender.phoneNumberId, (change = { sender: item.sender, statuses: [] }));
    change.statuses.push(item.status);
  }
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [...byWaba].map(([wabaId, numbers]) => ({
      id: wabaId,
      changes: [...numbers.values()].map(({ sender, statuses }) => ({
        field: 'messages',
        value: { messaging_product: 'whatsapp', ...metadata(sender), statuses },
      })),
    })),
  });
}
