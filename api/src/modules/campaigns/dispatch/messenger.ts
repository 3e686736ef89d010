import { Agent, request } from 'undici';
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
   * `mayWrite` is asked at the last moment before the request's bytes go on the wire (not when the call is
   * made): a process frozen between the call and the write (SIGSTOP, a long GC) must not send once it resumes
   * if its lease went stale meanwhile. Refused there, the request was never written: `not-sent`.
   */
  send(token: string, phoneNumberId: string, message: TemplateMessage, mayWrite?: () => boolean): Promise<SendOutcome>;
}

class WriteRefused extends Error {
  constructor() {
    super('the dispatch lease went stale before the request was written');
    this.name = 'WriteRefused';
  }
}

/** Socket errors raised before any byte of the request was written: safe to send again. */
const NOT_WRITTEN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function causeCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

/**
 * The Cloud API over undici. The token travels only in the Authorization header. undici's `onConnect`
 * hook runs right before a request is written to its socket: that is where `mayWrite` is asked.
 */
export class CloudApiMessenger implements Messenger {
  private readonly agent: Agent;

  constructor(private readonly config: { baseUrl: string; apiVersion: string; timeoutMs: number }) {
    this.agent = new Agent({ connections: 512, keepAliveTimeout: 30_000 });
  }

  async send(
    token: string,
    phoneNumberId: string,
    message: TemplateMessage,
    mayWrite: () => boolean = () => true,
  ): Promise<SendOutcome> {
    const url = `${this.config.baseUrl.replace(/\/$/, '')}/${this.config.apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`;
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
    const guarded = this.agent.compose(
      (dispatch) => (options, handler) =>
        // The handler's methods live on its prototype: extend it, never copy it.
        dispatch(
          options,
          Object.create(handler, {
            onConnect: {
              value: (abort: (error?: Error) => void) => {
                handler.onConnect?.(abort);
                if (!mayWrite()) abort(new WriteRefused());
              },
            },
          }) as typeof handler,
        ),
    );
    let status: number;
    let text: string;
    try {
      const response = await request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body,
        dispatcher: guarded,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (error instanceof WriteRefused || (error as { cause?: unknown }).cause instanceof WriteRefused) {
        return { kind: 'not-sent', reason: 'lease stale' };
      }
      const code = causeCode(error);
      if (code && NOT_WRITTEN.has(code)) return { kind: 'not-sent', reason: code };
      return { kind: 'unknown', reason: code ?? (error as Error).name };
    }
    let parsed: {
      messages?: { id?: string; message_status?: string }[];
      error?: { code?: number; error_subcode?: number };
    } | null;
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // The answer was cut off or is not Meta's: nothing definite.
      return { kind: 'unknown', reason: `HTTP ${status} without a Graph body` };
    }
    if (parsed?.error && typeof parsed.error.code === 'number') {
      return { kind: 'rejected', code: parsed.error.code, subcode: parsed.error.error_subcode ?? null };
    }
    const accepted = parsed?.messages?.[0];
    if (status >= 200 && status < 300 && accepted?.id) {
      return { kind: 'accepted', wamid: accepted.id, messageStatus: accepted.message_status ?? 'accepted' };
    }
    return { kind: 'unknown', reason: `HTTP ${status} without a Graph body` };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
