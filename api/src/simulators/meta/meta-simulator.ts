import type { Express, Request, Response } from 'express';
import type { Clock } from '../../core/clock';
import { CloudApiSends } from './cloud-api-sends';
import { mountControlRoutes } from './control-routes';
import { graphError } from './graph-errors';

// Where graphError lived before the send side; kept so existing imports of this module still work.
export { graphError, type GraphErrorBody } from './graph-errors';

/**
 * A stand-in for the WhatsApp Cloud API's management side: phone number facts, the WABA's
 * owner portfolio, `subscribed_apps` and `message_templates` with Meta's cursor paging,
 * behind Meta's Bearer auth and Graph error bodies. Accounts are registered by the tests
 * (or the demo) with the token that may act on them. The send side (messages, media, status
 * webhooks, inbound events, injections and counts) is `sends` (cloud-api-sends.ts).
 */
export interface SimulatedNumber {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: string;
  throughputLevel: 'STANDARD' | 'HIGH';
  isOnBizApp: boolean;
  /** Overrides the throughput the level implies (messages per second). */
  throughputPerSecond?: number;
}

export interface SimulatedAccount {
  wabaId: string;
  portfolioId: string;
  messagingLimitTier: string;
  token: string;
  numbers: SimulatedNumber[];
  templates: Record<string, unknown>[];
  subscribedAppIds: string[];
}

export class MetaSimulator {
  private readonly accounts = new Map<string, SimulatedAccount>();
  /** Requests by path, so tests can prove what was (not) called. */
  readonly calls: { method: string; path: string }[] = [];
  private nextError: { code: number; status: number; message: string } | undefined;
  private numbers = new Map<string, { account: SimulatedAccount; number: SimulatedNumber }>();
  /** Sending: `POST /{phone-number-id}/messages` and `/media`, status webhooks, injections, counts. */
  readonly sends: CloudApiSends;

  constructor(
    readonly appId: string,
    options: { appSecret?: string; webhookUrl?: string; clock?: Clock } = {},
  ) {
    this.sends = new CloudApiSends((id) => this.numberById(id), {
      appSecret: options.appSecret ?? '',
      webhookUrl: options.webhookUrl,
      clock: options.clock,
    });
  }

  /** The number and its account; the index is rebuilt on a miss, as tests add numbers to accounts they hold. */
  private numberById(id: string): { account: SimulatedAccount; number: SimulatedNumber } | undefined {
    const found = this.numbers.get(id);
    if (found) return found;
    this.numbers = new Map(
      [...this.accounts.values()].flatMap((account) =>
        account.numbers.map((number) => [number.id, { account, number }] as const),
      ),
    );
    return this.numbers.get(id);
  }

  addAccount(account: Partial<SimulatedAccount> & Pick<SimulatedAccount, 'wabaId' | 'token'>): SimulatedAccount {
    const full: SimulatedAccount = {
      portfolioId: `9${account.wabaId}`,
      messagingLimitTier: 'TIER_2K',
      numbers: [],
      templates: [],
      subscribedAppIds: [],
      ...account,
    };
    this.accounts.set(full.wabaId, full);
    return full;
  }

  account(wabaId: string): SimulatedAccount | undefined {
    return this.accounts.get(wabaId);
  }

  /** The next Graph call answers this Graph error (Meta's body, with the HTTP status Meta uses for it). */
  failNext(code: number, status = 400, message = 'Simulated error'): void {
    this.nextError = { code, status, message };
  }

  readonly mount = (app: Express): void => {
    // Control first (its paths would match the Graph routes), then sends: they are counted in `sends.ledger`,
    // not `calls`, and injected through `sends`.
    mountControlRoutes(app, this.sends, (account) =>
      this.addAccount(account as unknown as Parameters<MetaSimulator['addAccount']>[0]),
    );
    this.sends.mount(app);
    app.use((request, response, next) => {
      this.calls.push({ method: request.method, path: request.path });
      if (this.nextError) {
        const { code, status, message } = this.nextError;
        this.nextError = undefined;
        response.status(status).json(graphError(code, message));
        return;
      }
      next();
    });
    app.get('/:version/:wabaId/message_templates', (request, response) =>
      this.withAccount(request, response, (account) => this.templatePage(request, response, account)),
    );
    // One page: a WABA holds a few numbers (Meta's default cap is 20).
    app.get('/:version/:wabaId/phone_numbers', (request, response) =>
      this.withAccount(request, response, (account) =>
        response.json({
          data: account.numbers.map((number) => ({
            id: number.id,
            display_phone_number: number.displayPhoneNumber,
            verified_name: number.verifiedName,
            quality_rating: number.qualityRating,
          })),
        }),
      ),
    );
    app.get('/:version/:wabaId/subscribed_apps', (request, response) =>
      this.withAccount(request, response, (account) =>
        response.json({
          data: account.subscribedAppIds.map((id) => ({
            whatsapp_business_api_data: {
              id,
              name: 'BizOne Portal',
              link: `https://www.facebook.com/games/?app_id=${id}`,
            },
          })),
        }),
      ),
    );
    app.post('/:version/:wabaId/subscribed_apps', (request, response) =>
      this.withAccount(request, response, (account) => {
        if (!account.subscribedAppIds.includes(this.appId)) account.subscribedAppIds.push(this.appId);
        response.json({ success: true });
      }),
    );
    app.get('/:version/:objectId', (request, response) => {
      const objectId = String(request.params.objectId);
      const account = this.accounts.get(objectId);
      if (account) {
        if (!this.authorized(request, account)) return this.refuse(response);
        response.json({
          id: account.wabaId,
          owner_business_info: { id: account.portfolioId, name: 'Simulated portfolio' },
          whatsapp_business_manager_messaging_limit: account.messagingLimitTier,
        });
        return;
      }
      const owner = [...this.accounts.values()].find((candidate) =>
        candidate.numbers.some((number) => number.id === objectId),
      );
      const number = owner?.numbers.find((candidate) => candidate.id === objectId);
      if (!owner || !number) return this.unknown(response, objectId);
      if (!this.authorized(request, owner)) return this.refuse(response);
      response.json({
        id: number.id,
        display_phone_number: number.displayPhoneNumber,
        verified_name: number.verifiedName,
        quality_rating: number.qualityRating,
        throughput: { level: number.throughputLevel },
        platform_type: 'CLOUD_API',
        is_on_biz_app: number.isOnBizApp,
      });
    });
  };

  private authorized(request: Request, account: SimulatedAccount): boolean {
    return request.get('authorization') === `Bearer ${account.token}`;
  }

  private withAccount(request: Request, response: Response, handle: (account: SimulatedAccount) => void): void {
    const account = this.accounts.get(String(request.params.wabaId));
    if (!account) return this.unknown(response, String(request.params.wabaId));
    if (!this.authorized(request, account)) return this.refuse(response);
    handle(account);
  }

  private refuse(response: Response): void {
    response.status(401).json(graphError(190, 'Invalid OAuth access token - Cannot parse access token'));
  }

  private unknown(response: Response, id: string): void {
    response
      .status(400)
      .json(
        graphError(
          100,
          `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          'GraphMethodException',
          33,
        ),
      );
  }

  /** Meta's cursor paging: `after` is an opaque cursor (here the base64 of the next index). */
  private templatePage(request: Request, response: Response, account: SimulatedAccount): void {
    const limit = Math.min(Math.max(Number(request.query.limit ?? 25) || 25, 1), 100);
    const after = typeof request.query.after === 'string' ? request.query.after : undefined;
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) || 0 : 0;
    const data = account.templates.slice(start, start + limit);
    const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
    const more = start + limit < account.templates.length;
    const next = new URL(`https://graph.facebook.com${request.originalUrl}`);
    next.searchParams.set('after', cursor(start + limit));
    response.json({
      data,
      paging: {
        cursors: { before: cursor(start), after: cursor(start + data.length) },
        ...(more ? { next: next.toString() } : {}),
      },
    });
  }
}
