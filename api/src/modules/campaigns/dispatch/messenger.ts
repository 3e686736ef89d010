import { GraphTransport, LEASE_STALE } from './graph-transport';

/**
 * The dispatcher's view of Meta's send endpoint (GATEWAYS.md 1.1): one POST per message, and
 * an outcome that says exactly what is known. Told apart by Meta's `error.code` in a Graph
 * error body, never by HTTP status; and by whether the request could have reached Meta at all.
 */
export type SendOutcome =
  /** Meta took it: `accepted`, `held_for_quality_assessment` (accepted, paced) or `paused` (not billed). */
  | { kind: 'accepted'; wamid: string; messageStatus: string }
  /** A Graph error body: Meta refused it, definitely. */
  | { kind: 'rejected'; code: number; subcode: number | null }
  /** The connection failed before the request was written: it never left. */
  | { kind: 'not-sent'; reason: string }
  /** A timeout, a reset after the request was written, a 5xx without a Graph body: it may have been sent. */
  | { kind: 'unknown'; reason: string };

export interface TemplateMessage {
  /** E.164 digits (no plus). */
  to: string;
  template: { name: string; language: string; components: unknown[] };
  /** Echoed in the message's status webhooks: the campaign message id. */
  callbackData: string;
}

export interface Messenger {
  /**
   * `mayWrite` is asked at the last moment before the request's bytes are handed to the socket (not when the call
   * is made): a process frozen between the call and the write (SIGSTOP, a long GC pause) must not send once it
   * resumes if its lease went stale meanwhile. Refused there, the request never left: `not-sent`.
   */
  send(token: string, phoneNumberId: string, message: TemplateMessage, mayWrite?: () => boolean): Promise<SendOutcome>;
}

/** Socket errors raised before any byte of the request was written: safe to send again. */
const NOT_WRITTEN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The Cloud API over node:http(s) (GraphTransport). The token travels only in the Authorization header. */
export class CloudApiMessenger implements Messenger {
  private readonly transport: GraphTransport;

  constructor(
    private readonly config: { baseUrl: string; apiVersion: string; timeoutMs: number; maxIdleSockets?: number },
  ) {
    this.transport = new GraphTransport(config.baseUrl, {
      timeoutMs: config.timeoutMs,
      maxIdleSockets: config.maxIdleSockets ?? 256,
    });
  }

  async send(
    token: string,
    phoneNumberId: string,
    message: TemplateMessage,
    mayWrite: () => boolean = () => true,
  ): Promise<SendOutcome> {
    const path = `/${this.config.apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`;
    const body = JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to,
      type: 'template',
      template: {
        name: message.template.name,
        language: { code: message.template.language },
        components: message.template.components,
      },
      biz_opaque_callback_data: message.callbackData,
    });
    const reply = await this.transport.post(
      path,
      { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body,
      mayWrite,
    );
    if (reply.kind === 'error') {
      if (reply.code === LEASE_STALE) return { kind: 'not-sent', reason: 'lease stale' };
      // Before the connection opened nothing can have reached Meta, whatever the error (a connect timeout too).
      if (!reply.written || (reply.code !== undefined && NOT_WRITTEN.has(reply.code))) {
        return { kind: 'not-sent', reason: reply.code ?? reply.name };
      }
      return { kind: 'unknown', reason: reply.code ?? reply.name };
    }
    const response = { status: reply.status, ok: reply.status >= 200 && reply.status < 300 };
    let parsed: {
      messages?: { id?: string; message_status?: string }[];
      error?: { code?: number; error_subcode?: number };
    } | null;
    try {
      parsed = JSON.parse(reply.text) as typeof parsed;
    } catch {
      // The answer was cut off or is not Meta's: nothing definite.
      return { kind: 'unknown', reason: `HTTP ${response.status} without a Graph body` };
    }
    if (parsed?.error && typeof parsed.error.code === 'number') {
      return { kind: 'rejected', code: parsed.error.code, subcode: parsed.error.error_subcode ?? null };
    }
    const accepted = parsed?.messages?.[0];
    if (response.ok && accepted?.id) {
      return { kind: 'accepted', wamid: accepted.id, messageStatus: accepted.message_status ?? 'accepted' };
    }
    return { kind: 'unknown', reason: `HTTP ${response.status} without a Graph body` };
  }
}
