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
   * `mayWrite` is asked at the last moment before the request's body is handed to the socket (not when the call
   * is made): a process frozen between the call and the write (SIGSTOP, a long GC pause) must not send once it
   * resumes if its lease went stale meanwhile. Refused there, the request never completed: `not-sent`.
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
 * The body as a stream that fetch reads only when it writes the request to a socket (`highWaterMark: 0`: nothing
 * is pulled ahead). Its one pull asks `mayWrite` first; refused, the stream errors, the request is abandoned
 * before its body (undici writes the headers with the first body chunk, so usually nothing at all) and the server
 * never receives a complete request it could act on. `handedOver` says whether the body ever left this process.
 */
function guardedBody(bytes: Uint8Array, mayWrite: () => boolean) {
  const state = { handedOver: false, refused: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!mayWrite()) {
          state.refused = true;
          controller.error(new WriteRefused());
          return;
        }
        state.handedOver = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** The Cloud API over fetch. The token travels only in the Authorization header. */
export class CloudApiMessenger implements Messenger {
  constructor(private readonly config: { baseUrl: string; apiVersion: string; timeoutMs: number }) {}

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
    const bytes = Buffer.from(body);
    const guarded = guardedBody(bytes, mayWrite);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          // Sent as one sized body, as before, though it comes from a stream.
          'content-length': String(bytes.byteLength),
        },
        body: guarded.stream,
        duplex: 'half',
        signal: AbortSignal.timeout(this.config.timeoutMs),
      } as RequestInit);
    } catch (error) {
      if (guarded.state.refused) return { kind: 'not-sent', reason: 'lease stale' };
      // Failed (a timeout, a refused connection) before the body was handed over: no complete request ever left.
      if (!guarded.state.handedOver) return { kind: 'not-sent', reason: causeCode(error) ?? (error as Error).name };
      const code = causeCode(error);
      if (code && NOT_WRITTEN.has(code)) return { kind: 'not-sent', reason: code };
      return { kind: 'unknown', reason: code ?? (error as Error).name };
    }
    let parsed: {
      messages?: { id?: string; message_status?: string }[];
      error?: { code?: number; error_subcode?: number };
    } | null;
    try {
      parsed = (await response.json()) as typeof parsed;
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
