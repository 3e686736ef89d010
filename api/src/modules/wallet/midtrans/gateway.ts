import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import ApiConfig from 'midtrans-client/lib/apiConfig';
import { MidtransError, Snap } from 'midtrans-client';
import { AppError } from '../../../core/app-error';

/** The fields of a Midtrans notification and of a Get Status answer that the wallet reads. */
export interface MidtransStatus {
  order_id?: string;
  transaction_status?: string;
  fraud_status?: string;
  status_code?: string;
  gross_amount?: string;
  payment_type?: string;
  merchant_id?: string;
  signature_key?: string;
  refunds?: { refund_chargeback_id?: string | number; refund_amount?: string }[];
  chargebacks?: { refund_chargeback_id?: string | number; refund_amount?: string }[];
}

export interface SnapRequest {
  transaction_details: { order_id: string; gross_amount: number };
  item_details: { id: string; price: number; quantity: number; name: string }[];
  customer_details: { first_name: string; email?: string };
  enabled_payments: string[];
  expiry: { start_time: string; unit: 'minute'; duration: number };
  callbacks?: { finish: string };
}

/** What Get Status answered: a status, or "Midtrans does not know this order" (404). */
export type StatusAnswer = { found: true; status: MidtransStatus } | { found: false };

/**
 * The payment gateway the wallet depends on; `MidtransGateway` is the real client (pointed at
 * the simulator outside production by configuration, never by code).
 */
export interface PaymentGateway {
  createSnap(request: SnapRequest): Promise<{ token: string; redirectUrl: string }>;
  status(orderId: string): Promise<StatusAnswer>;
  expire(orderId: string): Promise<void>;
}

export interface MidtransOptions {
  isProduction: boolean;
  serverKey: string;
  clientKey: string;
  /** e.g. https://app.sandbox.midtrans.com (the library appends /snap/v1). */
  snapBaseUrl: string;
  /** e.g. https://api.sandbox.midtrans.com */
  apiBaseUrl: string;
  notificationUrl: string;
  timeoutMs: number;
}

/**
 * The one place the library's endpoints are set: its base URLs are static fields of
 * lib/apiConfig.js, read at call time, so both the sandbox and the production fields take
 * the configured URLs (MIDTRANS_ENV alone picks which the library uses).
 */
function pointLibraryAt(snapBaseUrl: string, apiBaseUrl: string): void {
  ApiConfig.SNAP_SANDBOX_BASE_URL = ApiConfig.SNAP_PRODUCTION_BASE_URL = `${snapBaseUrl.replace(/\/$/, '')}/snap/v1`;
  ApiConfig.CORE_SANDBOX_BASE_URL = ApiConfig.CORE_PRODUCTION_BASE_URL = apiBaseUrl.replace(/\/$/, '');
}

function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof MidtransError) && (error as { name?: string })?.name !== 'MidtransError') return undefined;
  const status = Number((error as MidtransError).httpStatusCode);
  return Number.isFinite(status) && status > 0 ? status : undefined;
}

/** Midtrans' validation messages, for the user (never the raw error with its request). */
function messagesOf(error: unknown): string {
  const response = (error as MidtransError).ApiResponse as { error_messages?: unknown } | undefined;
  const messages = Array.isArray(response?.error_messages) ? response.error_messages : [];
  return messages
    .filter((message): message is string => typeof message === 'string')
    .slice(0, 3)
    .join('; ')
    .slice(0, 300);
}

/** Snap refused or could not be reached: the HTTP status (none: no answer) and Midtrans' messages, for the log. */
export class GatewayError extends Error {
  constructor(
    readonly httpStatus: number | undefined,
    readonly gatewayMessages: string,
  ) {
    super(`Midtrans Snap answered ${httpStatus ?? 'nothing'}`);
    this.name = 'GatewayError';
  }

  /** What the user sees: 400 (our request) and 401 (our key) are the operator's problem, like an outage. */
  toAppError(): AppError {
    if (this.httpStatus === 400 || this.httpStatus === 402 || this.httpStatus === 406) {
      return new AppError('BAD_USER_INPUT', 'wallet.gatewayRejected');
    }
    return new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable');
  }
}

export class MidtransGateway implements PaymentGateway {
  private readonly snap: Snap;
  private readonly apiBaseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly httpAgent = new HttpAgent({ keepAlive: true, timeout: 15_000 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, timeout: 15_000 });

  constructor(options: MidtransOptions) {
    this.apiBaseUrl = options.apiBaseUrl.replace(/\/$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs;
    pointLibraryAt(options.snapBaseUrl, options.apiBaseUrl);
    this.snap = new Snap({
      isProduction: options.isProduction,
      serverKey: options.serverKey,
      clientKey: options.clientKey,
    });
    const http = this.snap.httpClient.http_client;
    // axios has no default timeout: a hung Midtrans would hang the request and the job.
    http.defaults.timeout = options.timeoutMs;
    // Connections kept open between calls: each notification asks Get Status, which otherwise
    // pays a TCP handshake (and in production a TLS one) every time. Idle ones close after 15 s.
    http.defaults.httpAgent = this.httpAgent;
    http.defaults.httpsAgent = this.httpsAgent;
    // Per transaction, so a missing dashboard setting cannot lose notifications.
    http.defaults.headers.common['X-Override-Notification'] = options.notificationUrl;
  }

  async createSnap(request: SnapRequest) {
    try {
      const answer = await this.snap.createTransaction(request as unknown as Record<string, unknown>);
      return { token: answer.token, redirectUrl: answer.redirect_url };
    } catch (error) {
      const status = httpStatusOf(error);
      // Midtrans' own words go to the log for the operator; the user gets a translated message.
      throw new GatewayError(status, messagesOf(error));
    }
  }

  /**
   * Get Status (`GET {api}/v2/{order_id}/status`, Basic auth), on node:http with the same
   * kept-alive connections, not through the library's axios client: every notification asks
   * it, and axios' request pipeline cost the API more CPU than the rest of a notification's
   * HTTP work (issue 17's benchmark). The library's answers are kept: Midtrans puts its error
   * in the body's `status_code` (404 is "unknown order"; 407 is an expired transaction's
   * normal answer), and any other failure or a timeout is an outage.
   */
  async status(orderId: string): Promise<StatusAnswer> {
    let answer: { httpStatus: number; body: MidtransStatus & { status_code?: string } };
    try {
      answer = await this.getJson(`/v2/${encodeURIComponent(orderId)}/status`);
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable');
    }
    const code = Number(answer.body.status_code ?? answer.httpStatus);
    if (answer.httpStatus === 404 || code === 404) return { found: false };
    if (answer.httpStatus >= 300 || (code >= 400 && code !== 407)) {
      throw new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable');
    }
    return { found: true, status: answer.body };
  }

  /** A GET of the Core API returning JSON, within the configured timeout. */
  private getJson(path: string): Promise<{ httpStatus: number; body: MidtransStatus & { status_code?: string } }> {
    const url = new URL(`${this.apiBaseUrl}${path}`);
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'GET',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { accept: 'application/json', authorization: this.authorization },
          timeout: this.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
              if (!body || typeof body !== 'object') throw new Error('Get Status answered no JSON object');
              resolve({ httpStatus: response.statusCode ?? 0, body: body as MidtransStatus });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('Get Status timed out')));
      request.on('error', reject);
      request.end();
    });
  }

  async expire(orderId: string): Promise<void> {
    try {
      await this.snap.transaction.expire(orderId);
    } catch (error) {
      // 404: never reached a payment method; 412: no longer pending. Either way nothing to expire.
      const status = httpStatusOf(error);
      if (status === 404 || status === 412) return;
      throw new AppError('SERVICE_UNAVAILABLE', 'wallet.gatewayUnavailable');
    }
  }
}
