/**
 * Meta's media upload, `POST /{phone-number-id}/media` (Cloud API media reference): a multipart form with
 * `messaging_product=whatsapp`, the file's `type` and the `file`; Meta answers `{ id }`, an id usable by that
 * phone number for 30 days. Told apart by Meta's `error.code`, never by HTTP status; the access token travels only
 * in the Authorization header and never in an error.
 */
export interface MediaUploadRequest {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export type MediaUploadOutcome = { ok: true; id: string } | { ok: false; code: number | null; message: string };

export interface MetaMediaGateway {
  upload(token: string, phoneNumberId: string, file: MediaUploadRequest): Promise<MediaUploadOutcome>;
}

export class CloudApiMediaGateway implements MetaMediaGateway {
  constructor(private readonly config: { baseUrl: string; apiVersion: string; timeoutMs: number }) {}

  async upload(token: string, phoneNumberId: string, file: MediaUploadRequest): Promise<MediaUploadOutcome> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', file.mimeType);
    form.set('file', new Blob([file.content], { type: file.mimeType }), file.fileName);
    const url = `${this.config.baseUrl.replace(/\/$/, '')}/${this.config.apiVersion}/${encodeURIComponent(phoneNumberId)}/media`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      return { ok: false, code: null, message: `Graph API unreachable: ${(error as Error).name}` };
    }
    const body = (await response.json().catch(() => null)) as {
      id?: unknown;
      error?: { code?: number; message?: string };
    } | null;
    if (response.ok && typeof body?.id === 'string' && body.id) return { ok: true, id: body.id };
    return {
      ok: false,
      code: typeof body?.error?.code === 'number' ? body.error.code : null,
      message: body?.error?.message ?? `HTTP ${response.status}`,
    };
  }
}
