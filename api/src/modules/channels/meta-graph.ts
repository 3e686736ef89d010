/**
 * The few Graph API calls channels and templates need, over fetch. Errors are told apart by
 * Meta's `error.code`, never by HTTP status (GATEWAYS.md 1.6). The access token travels only
 * in the Authorization header and never appears in an error or a log line.
 */

export interface GraphConfig {
  baseUrl: string;
  apiVersion: string;
  timeoutMs: number;
}

export class GraphError extends Error {
  constructor(
    readonly code: number | null,
    readonly subcode: number | null,
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = 'GraphError';
  }

  /** 190: the token is invalid or expired; 10 / 200: it lacks the permission for this object. */
  get isAuthProblem(): boolean {
    return this.code === 190 || this.code === 10 || this.code === 200;
  }
}

export interface PhoneNumberFacts {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: string;
  throughput?: { level?: string };
  platform_type?: string;
  /** A coexistence number (also used in the WhatsApp Business app): fixed at 20 msg/s. */
  is_on_biz_app?: boolean;
  whatsapp_business_manager_messaging_limit?: string;
}

export interface GraphTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  parameter_format?: string;
  components?: unknown[];
  quality_score?: { score?: string };
}

interface Page<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

export class MetaGraph {
  constructor(private readonly config: GraphConfig) {}

  private url(path: string, query: Record<string, string> = {}): string {
    const url = new URL(`${this.config.baseUrl.replace(/\/$/, '')}/${this.config.apiVersion}/${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  private async call<T>(token: string, method: 'GET' | 'POST', url: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw new GraphError(null, null, `Graph API unreachable: ${(error as Error).name}`, null);
    }
    const body = (await response.json().catch(() => null)) as
      (T & { error?: { code?: number; error_subcode?: number; message?: string } }) | null;
    if (!response.ok || !body || body.error) {
      const error = body?.error;
      throw new GraphError(
        error?.code ?? null,
        error?.error_subcode ?? null,
        `Graph API ${method} failed: ${error?.message ?? `HTTP ${response.status}`}`,
        response.status,
      );
    }
    return body;
  }

  phoneNumber(token: string, phoneNumberId: string): Promise<PhoneNumberFacts> {
    const fields = 'display_phone_number,verified_name,quality_rating,throughput,platform_type,is_on_biz_app';
    return this.call(token, 'GET', this.url(encodeURIComponent(phoneNumberId), { fields }));
  }

  /** The business portfolio that owns the WABA. */
  async portfolioOf(token: string, wabaId: string): Promise<{ id: string; messagingLimit: number | null }> {
    const body = await this.call<{
      owner_business_info?: { id?: string };
      whatsapp_business_manager_messaging_limit?: string;
    }>(
      token,
      'GET',
      this.url(encodeURIComponent(wabaId), { fields: 'owner_business_info,whatsapp_business_manager_messaging_limit' }),
    );
    const id = body.owner_business_info?.id;
    if (!id) throw new GraphError(null, null, 'Graph API answered without owner_business_info', 200);
    return { id, messagingLimit: messagingLimitOf(body.whatsapp_business_manager_messaging_limit) };
  }

  async subscribe(token: string, wabaId: string): Promise<void> {
    await this.call(token, 'POST', this.url(`${encodeURIComponent(wabaId)}/subscribed_apps`));
  }

  async subscribedAppIds(token: string, wabaId: string): Promise<string[]> {
    const body = await this.call<Page<{ whatsapp_business_api_data?: { id?: string }; id?: string }>>(
      token,
      'GET',
      this.url(`${encodeURIComponent(wabaId)}/subscribed_apps`),
    );
    return body.data.map((app) => app.whatsapp_business_api_data?.id ?? app.id ?? '').filter(Boolean);
  }

  /**
   * Every template of the WABA, following `paging.next` to the last page: the sync removes the local templates Meta
   * did not list, so stopping early would delete the rest. `beforeEachPage` pays for each call from the WABA's
   * hourly budget, which bounds a sync; a cursor Meta gives twice (paging that loops) fails the listing instead.
   */
  async templates(
    token: string,
    wabaId: string,
    beforeEachPage: () => Promise<void> = async () => undefined,
  ): Promise<GraphTemplate[]> {
    const fields = 'id,name,language,status,category,sub_category,parameter_format,components,quality_score';
    const url = this.url(`${encodeURIComponent(wabaId)}/message_templates`, { fields, limit: '100' });
    return this.everyPage<GraphTemplate>(token, url, 'message_templates', beforeEachPage);
  }

  /** The ids of the WABA's phone numbers, every page: whether a number the user names belongs to the WABA named. */
  async phoneNumberIds(token: string, wabaId: string): Promise<string[]> {
    const url = this.url(`${encodeURIComponent(wabaId)}/phone_numbers`, { fields: 'id', limit: '100' });
    return (await this.everyPage<{ id?: string }>(token, url, 'phone_numbers'))
      .map((row) => row.id ?? '')
      .filter(Boolean);
  }

  /** Every row of a Graph edge, following `paging.next` to the last page; a cursor given twice fails the listing. */
  private async everyPage<T>(
    token: string,
    first: string,
    edge: string,
    beforeEachPage: () => Promise<void> = async () => undefined,
  ): Promise<T[]> {
    let url: string | undefined = first;
    const all: T[] = [];
    const cursors = new Set<string>();
    while (url) {
      await beforeEachPage();
      const body: Page<T> = await this.call<Page<T>>(token, 'GET', url);
      all.push(...body.data);
      const after = body.paging?.cursors?.after;
      if (!body.paging?.next || !after) break;
      if (cursors.has(after)) {
        throw new GraphError(null, null, `Graph API paging of ${edge} repeated a cursor`, 200);
      }
      cursors.add(after);
      // Follow Meta's cursor against our own base URL: `next` names graph.facebook.com even from a proxy.
      url = this.withAfter(url, after);
    }
    return all;
  }

  private withAfter(url: string, after: string): string {
    const next = new URL(url);
    next.searchParams.set('after', after);
    return next.toString();
  }
}

/**
 * `TIER_50`, `TIER_250`, `TIER_2K`, `TIER_10K`, `TIER_100K`, `TIER_UNLIMITED` -> recipients per 24 h (-1 unlimited);
 * `NOT_SET` or anything else -> null (keep what is known). TIER_50 is the phone_number_quality_update tier of a
 * business Meta has not yet let reach 250.
 */
export function messagingLimitOf(tier: string | undefined): number | null {
  switch (tier) {
    case 'TIER_50':
      return 50;
    case 'TIER_250':
      return 250;
    case 'TIER_2K':
      return 2000;
    case 'TIER_10K':
      return 10000;
    case 'TIER_100K':
      return 100000;
    case 'TIER_UNLIMITED':
      return -1;
    default:
      return null;
  }
}
