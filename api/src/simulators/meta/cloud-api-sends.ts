import type { Express, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import { type InboundContent, inboundMessageContent } from './inbound-messages';
import { systemClock, type Clock } from '../../core/clock';
import { graphError, statusOf, webhookError, type GraphErrorBody } from './graph-errors';
import { readMediaUpload } from './media-upload';
import { InjectionRules, Share, type ErrorInjection, type FaultInjection } from './injections';
import { TokenBuckets, type BucketRule } from './rate-limits';
import { SendLedger } from './send-ledger';
import { validateSend, type ParsedMessage } from './send-validation';
import { StatusWebhooks, type Delay, type Pricing, type SenderNumber, type WebhookSettings } from './status-webhooks';
import { wamid } from './wamid';

/**
 * The send side of the WhatsApp Cloud API simulator: `POST /{version}/{phone-number-id}/messages` and `/media`,
 * with Meta's auth, validation, throughput and pair-rate enforcement and answers; the status webhooks that follow;
 * inbound messages and `user_preferences` events on request; and the control surface tests drive (latency, error
 * and fault injection, counts, reset). Everything is in memory and O(1) per send: no disk, no scans.
 */
export interface SendNumber {
  id: string;
  displayPhoneNumber: string;
  throughputLevel: 'STANDARD' | 'HIGH';
  isOnBizApp: boolean;
  /** Overrides the throughput the level implies (messages per second). */
  throughputPerSecond?: number;
}

export interface SendAccount {
  wabaId: string;
  token: string;
  templates: Record<string, unknown>[];
}

export type MessageStatus = 'accepted' | 'held_for_quality_assessment' | 'paused';

export interface SendSettings {
  /** Time from a request's arrival to its answer: fixed or a uniform range (ms). */
  latencyMs: Delay;
  /** 130429 when a number sends faster than its throughput (token bucket per phone number id). */
  enforceThroughput: boolean;
  /** The bucket's size in seconds of throughput (1: a quiet number may send one second's worth at once). */
  throughputBurstSeconds: number;
  /** 131056 when one sender->recipient pair is messaged too fast. */
  enforcePairRate: boolean;
  /** Meta: about 1 message per 6 s to the same user, bursts up to 45 borrowing future allowance (GATEWAYS.md §1.2). */
  pairRate: BucketRule;
  /** Free-form (non-template) messages to a user who has not written in 24 h fail with 131047. */
  enforceServiceWindow: boolean;
  /** Fraction of accepted template sends answered `held_for_quality_assessment` (portfolio pacing). */
  holdShare: number;
  /** Keep each accepted template send's components by callback data (tests of the payload; off for benchmarks). */
  recordComponents: boolean;
}

export const DEFAULT_SEND_SETTINGS: SendSettings = {
  latencyMs: 0,
  enforceThroughput: true,
  throughputBurstSeconds: 1,
  enforcePairRate: true,
  pairRate: { ratePerSecond: 1 / 6, capacity: 45 },
  enforceServiceWindow: true,
  holdShare: 0,
  recordComponents: false,
};

/** Throughput by the number's facts (GATEWAYS.md §1.2): 80 standard, 1,000 upgraded, 20 for coexistence numbers. */
export function throughputOf(number: SendNumber): number {
  if (number.throughputPerSecond !== undefined) return number.throughputPerSecond;
  if (number.isOnBizApp) return 20;
  return number.throughputLevel === 'HIGH' ? 1000 : 80;
}

export interface InboundRequest {
  phoneNumberId: string;
  /** The user's wa_id (digits). */
  from: string;
  name?: string;
  /** The business-scoped user id Meta adds since April 2026. */
  userId?: string;
  /** A text, a quick-reply button press, an interactive (button or list) reply, a media message or a place. */
  message: InboundContent;
  /** The wamid of the business message this answers (`context`). */
  replyTo?: string;
}

type Located = { account: SendAccount; number: SendNumber };
type Outcome = { status: number; body: unknown };
type SendRequest = { version: string; phoneNumberId: string; authorization: string | undefined; body: unknown };

/** `/{version}/{phone-number-id}/messages`: the major version and the id. */
const SEND_PATH = /^\/v(\d+)\.\d+\/([^/?]+)\/messages(?:\?.*)?$/;
const MAX_BODY_BYTES = 1024 * 1024;

function write(response: ServerResponse, outcome: Outcome): void {
  const text = JSON.stringify(outcome.body);
  response.writeHead(outcome.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const HANG_DEFAULT_MS = 10 * 60_000;

export class CloudApiSends {
  settings: SendSettings = { ...DEFAULT_SEND_SETTINGS };
  readonly ledger = new SendLedger();
  readonly webhooks: StatusWebhooks;
  private readonly errors = new InjectionRules<ErrorInjection>();
  private readonly faults = new InjectionRules<FaultInjection>();
  private readonly numberBuckets: TokenBuckets;
  private readonly pairBuckets: TokenBuckets;
  private readonly holds = new Share(0);
  private readonly templateStatuses = new Map<string, MessageStatus>();
  /** Last inbound message per (number, user), for the 24-hour customer service window. */
  private readonly lastInbound = new Map<string, number>();
  /** Uploaded media ids and the phone number each was uploaded for: Meta's media ids belong to one number. */
  private readonly media = new Map<string, string>();
  /** `POST /{phone-number-id}/media` uploads accepted, per phone number: tests prove "uploaded once" with it. */
  readonly mediaUploads = new Map<string, number>();
  /** The template components of accepted sends by `biz_opaque_callback_data`, for tests of the exact payload. */
  readonly acceptedComponents = new Map<string, unknown>();
  private readonly hangs = new Set<NodeJS.Timeout>();
  private readonly now: () => number;

  constructor(
    private readonly locate: (phoneNumberId: string) => Located | undefined,
    options: { appSecret: string; clock?: Clock; webhookUrl?: string },
  ) {
    const clock = options.clock ?? systemClock;
    this.now = clock === systemClock ? Date.now : () => clock.now().getTime();
    this.numberBuckets = new TokenBuckets(this.now);
    this.pairBuckets = new TokenBuckets(this.now);
    this.webhooks = new StatusWebhooks({ appSecret: options.appSecret, url: options.webhookUrl }, this.now);
  }

  configure(settings: Partial<SendSettings> & { webhooks?: Partial<WebhookSettings> }): void {
    const { webhooks, ...send } = settings;
    this.settings = { ...this.settings, ...send };
    this.holds.share = this.settings.holdShare;
    if (webhooks) this.webhooks.configure(webhooks);
  }

  /** Graph errors for the sends the injection selects (see ErrorInjection). */
  failSends(injection: ErrorInjection): void {
    this.errors.add(injection);
  }

  /** Transport faults for the sends the injection selects (see FaultInjection). */
  faultSends(injection: FaultInjection): void {
    this.faults.add(injection);
  }

  /** What a send of this template is answered with once accepted (e.g. `paused` while Meta pauses it). */
  setTemplateMessageStatus(name: string, language: string, status: MessageStatus): void {
    this.templateStatuses.set(`${name}\u0000${language}`, status);
  }

  /** Forgets sends, injections, rate buckets, queued webhooks and settings (not accounts, the webhook URL or secret). */
  reset(): void {
    this.settings = { ...DEFAULT_SEND_SETTINGS };
    this.holds.share = 0;
    this.ledger.clear();
    this.errors.clear();
    this.faults.clear();
    this.numberBuckets.clear();
    this.pairBuckets.clear();
    this.templateStatuses.clear();
    this.lastInbound.clear();
    this.mediaUploads.clear();
    this.acceptedComponents.clear();
    this.webhooks.reset();
  }

  /** An inbound message from a user, delivered as Meta's `messages` webhook; opens the service window. */
  inbound(request: InboundRequest): string {
    const located = this.locateOrThrow(request.phoneNumberId);
    const id = wamid(request.from, 'incoming');
    const at = this.now();
    this.lastInbound.set(`${request.phoneNumberId}:${request.from}`, at);
    // Inbound messages share the number's throughput with outbound ones (never refused: Meta does not bounce users).
    this.numberBuckets.take(request.phoneNumberId, this.throughputRule(located.number), true);
    const content = inboundMessageContent(request.message);
    this.webhooks.send(this.sender(located), 'messages', {
      contacts: [
        {
          profile: { name: request.name ?? 'Pengguna' },
          wa_id: request.from,
          ...(request.userId ? { user_id: request.userId } : {}),
        },
      ],
      messages: [
        {
          from: request.from,
          id,
          timestamp: String(Math.floor(at / 1000)),
          ...(request.replyTo
            ? { context: { from: located.number.displayPhoneNumber.replace(/\D/g, ''), id: request.replyTo } }
            : {}),
          ...content,
        },
      ],
    });
    return id;
  }

  /**
   * A `failed` status for a message Meta reported before (even as delivered), as its webhook: what a late failure
   * looks like to the portal. `callbackData` is echoed as Meta echoes the send's `biz_opaque_callback_data`.
   */
  lateFailure(request: {
    phoneNumberId: string;
    wamid: string;
    waId: string;
    code: number;
    callbackData?: string;
  }): void {
    const located = this.locateOrThrow(request.phoneNumberId);
    this.webhooks.send(this.sender(located), 'messages', {
      statuses: [
        {
          id: request.wamid,
          recipient_id: request.waId,
          status: 'failed',
          timestamp: String(Math.floor(this.now() / 1000)),
          ...(request.callbackData !== undefined ? { biz_opaque_callback_data: request.callbackData } : {}),
          errors: [webhookError(request.code)],
        },
      ],
    });
  }

  /** A user's stop or resume of marketing messages, as Meta's `user_preferences` webhook. */
  userPreference(request: { phoneNumberId: string; waId: string; value: 'stop' | 'resume'; name?: string }): void {
    const located = this.locateOrThrow(request.phoneNumberId);
    this.webhooks.send(this.sender(located), 'user_preferences', {
      contacts: [{ profile: { name: request.name ?? 'Pengguna' }, wa_id: request.waId }],
      user_preferences: [
        {
          wa_id: request.waId,
          detail:
            request.value === 'stop'
              ? 'User requested to stop marketing messages'
              : 'User requested to resume marketing messages',
          category: 'marketing_messages',
          value: request.value,
          timestamp: Math.floor(this.now() / 1000),
        },
      ],
    });
  }

  /** Stops hanging answers (the server is closing). */
  close(): void {
    for (const timer of this.hangs) clearTimeout(timer);
    this.hangs.clear();
  }

  readonly mount = (app: Express): void => {
    app.post('/:version/:phoneNumberId/media', (request, response) => this.handleMedia(request, response));
  };

  /**
   * Sends are answered on node:http directly, before Express: Express 5's router and body parser cost about ten
   * times the CPU of the send logic itself (docs/BENCHMARKS.md), and the simulator must never be the
   * dispatcher's bottleneck. Returns false for anything that is not `POST /{version}/{id}/messages`.
   */
  readonly fastPath = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'POST') return false;
    const path = SEND_PATH.exec(request.url ?? '');
    if (!path) return false;
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        return write(response, this.refuse(100, 413, '(#100) The request body is too large.'));
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch {
        return write(response, this.refuse(100, 400, '(#100) The request body could not be parsed as JSON.'));
      }
      this.handleSend(
        { version: path[1]!, phoneNumberId: path[2]!, authorization: request.headers.authorization, body },
        request,
        response,
      );
    });
    return true;
  };

  private handleSend(send: SendRequest, request: IncomingMessage, response: ServerResponse): void {
    const at = this.now();
    const body = send.body as { to?: unknown; biz_opaque_callback_data?: unknown } | null;
    const recipient = typeof body?.to === 'string' ? body.to.replace(/\D/g, '') : '';
    const callbackData = typeof body?.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
    this.ledger.attempt(recipient, at, callbackData);
    const fault = this.faults.size > 0 ? this.faults.match(recipient, callbackData) : undefined;
    const outcome = fault && !fault.accepted ? undefined : this.decide(send, at);
    const answer = () => {
      if (fault) return this.fault(request, response, fault);
      write(response, outcome!);
    };
    if (fault) this.ledger.outcome(fault.fault);
    const latency = this.settings.latencyMs;
    if (latency === 0) answer();
    else
      setTimeout(
        answer,
        typeof latency === 'number' ? latency : latency[0] + Math.floor(Math.random() * (latency[1] - latency[0] + 1)),
      );
  }

  private decide(send: SendRequest, at: number): Outcome {
    const phoneNumberId = send.phoneNumberId;
    const located = this.locate(phoneNumberId);
    if (!located) {
      return this.refuse(
        100,
        400,
        `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        'GraphMethodException',
        33,
      );
    }
    if (send.authorization !== `Bearer ${located.account.token}`) {
      return this.refuse(190, 401, 'Invalid OAuth access token - Cannot parse access token');
    }
    const { number, account } = located;
    const validation = validateSend(
      send.body,
      account.templates,
      number.displayPhoneNumber.replace(/\D/g, ''),
      (id) => this.media.get(id) === phoneNumberId,
    );
    if (!validation.ok)
      return this.refuse(validation.code, undefined, undefined, undefined, undefined, validation.details);
    const message = validation.message;
    if (this.settings.recordComponents && message.callbackData !== undefined && message.template) {
      this.acceptedComponents.set(
        message.callbackData,
        (send.body as { template: { components?: unknown } }).template.components,
      );
    }
    if (this.settings.enforceThroughput && !this.numberBuckets.take(phoneNumberId, this.throughputRule(number))) {
      return this.refuse(130429);
    }
    const pair = `${phoneNumberId}:${message.waId}`;
    if (this.settings.enforcePairRate && !this.pairBuckets.take(pair, this.settings.pairRate))
      return this.refuse(131056);
    const injected = this.errors.size > 0 ? this.errors.match(message.waId, message.callbackData) : undefined;
    if (injected && injected.mode !== 'async') return this.refuse(injected.code, injected.status);
    let failWith = injected?.code;
    const freeForm = !message.template;
    if (failWith === undefined && freeForm && this.settings.enforceServiceWindow) {
      const last = this.lastInbound.get(pair);
      if (last === undefined || at - last > 24 * 3_600_000) failWith = 131047;
    }
    return this.accept(located, message, at, Number(send.version), failWith);
  }

  private accept(
    located: Located,
    message: ParsedMessage,
    at: number,
    apiVersion: number,
    failWith: number | undefined,
  ): Outcome {
    const id = wamid(message.waId);
    this.ledger.accept(message.waId, message.callbackData, at);
    this.ledger.outcome('accepted');
    const pricing: Pricing = {
      billable: true,
      pricing_model: 'PMP',
      category: message.template?.category ?? 'service',
      type: 'regular',
    };
    let status: MessageStatus = 'accepted';
    if (message.template) {
      status = this.templateStatuses.get(`${message.template.name}\u0000${message.template.language}`) ?? 'accepted';
      if (status === 'accepted' && this.holds.hit()) status = 'held_for_quality_assessment';
    }
    // A paused message is not sent (nor billed): no status webhooks follow.
    if (status !== 'paused') {
      this.webhooks.track(
        this.sender(located),
        { wamid: id, waId: message.waId, callbackData: message.callbackData, pricing, apiVersion, failWith },
        at,
      );
    }
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: message.input, wa_id: message.waId }],
        messages: [{ id, message_status: status }],
      },
    };
  }

  private refuse(
    code: number,
    status = statusOf(code),
    message?: string,
    type?: string,
    subcode?: number,
    details?: string,
  ): Outcome {
    this.ledger.outcome(String(code));
    const body: GraphErrorBody = graphError(code, message, type, subcode, details);
    return { status, body };
  }

  private fault(request: IncomingMessage, response: ServerResponse, fault: FaultInjection): void {
    if (fault.fault === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault.fault === 'status5xx') {
      response.writeHead(fault.status ?? 502, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const timer = setTimeout(() => {
      this.hangs.delete(timer);
      request.socket.destroy();
    }, fault.hangMs ?? HANG_DEFAULT_MS);
    this.hangs.add(timer);
  }

  private handleMedia(request: Request, response: Response): void {
    const phoneNumberId = String(request.params.phoneNumberId);
    const located = this.locate(phoneNumberId);
    const reply = (outcome: Outcome): void => {
      response.status(outcome.status).json(outcome.body);
    };
    if (!located) {
      request.resume();
      return reply(
        this.refuse(
          100,
          400,
          `Unsupported post request. Object with ID '${phoneNumberId}' does not exist.`,
          'GraphMethodException',
          33,
        ),
      );
    }
    if (request.get('authorization') !== `Bearer ${located.account.token}`) {
      request.resume();
      return reply(this.refuse(190, 401, 'Invalid OAuth access token - Cannot parse access token'));
    }
    void readMediaUpload(request).then((upload) => {
      if (!upload.ok) {
        return reply(
          upload.code === 131053
            ? this.refuse(131053, 400, undefined, undefined, undefined, upload.message)
            : this.refuse(100, 400, upload.message),
        );
      }
      // 16 digits like Meta's media ids (randomInt spans at most 2^48).
      const id = String(1e15 + randomInt(2 ** 47));
      this.media.set(id, phoneNumberId);
      this.mediaUploads.set(phoneNumberId, (this.mediaUploads.get(phoneNumberId) ?? 0) + 1);
      reply({ status: 200, body: { id } });
    });
  }

  private throughputRule(number: SendNumber): BucketRule {
    const rate = throughputOf(number);
    return { ratePerSecond: rate, capacity: Math.max(1, rate * this.settings.throughputBurstSeconds) };
  }

  private sender({ account, number }: Located): SenderNumber {
    return {
      wabaId: account.wabaId,
      phoneNumberId: number.id,
      displayPhoneNumber: number.displayPhoneNumber.replace(/\D/g, ''),
    };
  }

  private locateOrThrow(phoneNumberId: string): Located {
    const located = this.locate(phoneNumberId);
    if (!located) throw new Error(`the Meta simulator has no phone number ${phoneNumberId}`);
    return located;
  }
}
