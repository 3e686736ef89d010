import { UpdateCampaignMutation } from './documents';
import { refused } from '../../utils/action.server';
import { getEnv } from '../../utils/env.server';
import { apiHeaders, gqlForm } from '../../utils/graphql.server';
import type { FieldErrors } from '../../utils/forms';
import type { Message } from '../../utils/message';
import { getSessionToken } from '../../utils/session.server';
import { redirectWithToast } from '../../utils/toast.server';

export interface HeaderMediaActionData {
  intent: 'media';
  formError?: Message;
  fieldErrors?: FieldErrors;
}

/** Forwards the file to the API's upload (`POST /api/campaigns/media`, the raw file as the body) for the channel. */
async function uploadFile(request: Request, channelId: string, file: File) {
  const url = new URL(`${getEnv().API_INTERNAL_URL}/api/campaigns/media`);
  url.searchParams.set('channelId', channelId);
  url.searchParams.set('fileName', file.name || 'file');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        ...apiHeaders(request, getSessionToken(request)),
        // The browser's type for the file; the API checks it against the file's own first bytes.
        'content-type': file.type || 'application/octet-stream',
      },
      body: Buffer.from(await file.arrayBuffer()),
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    return { ok: false as const, message: { key: 'errors.apiUnavailable' } as Message, status: 502 };
  }
  const body = (await response.json().catch(() => null)) as { id?: string; error?: { message?: unknown } } | null;
  if (response.ok && body?.id) return { ok: true as const, id: body.id };
  if (response.status === 415) {
    return { ok: false as const, message: { key: 'campaigns.media.wrongType' } as Message, status: 415 };
  }
  if (response.status === 413) {
    return { ok: false as const, message: { key: 'campaigns.media.bodyTooLarge' } as Message, status: 413 };
  }
  const text = body?.error?.message;
  return {
    ok: false as const,
    message: (typeof text === 'string' && text ? { text } : { key: 'errors.generic' }) as Message,
    status: response.status >= 400 && response.status < 500 ? response.status : 502,
  };
}

/**
 * The wizard's header-media form (`intent=media`): a link, an uploaded file (sent to the API first, then chosen),
 * or removing it. The API validates everything (https only, type, size, content, the template's kind).
 */
export async function headerMediaAction(request: Request, id: string, channelId: string | null, form: FormData) {
  const source = String(form.get('mediaSource') ?? '');
  const back = `/campaigns/${id}/edit`;
  let headerMedia: { source: 'LINK' | 'UPLOAD'; link?: string; fileId?: string; fileName?: string | null } | null;
  if (source === 'LINK') {
    const link = String(form.get('mediaLink') ?? '').trim();
    if (!link)
      return refused<HeaderMediaActionData>({
        intent: 'media',
        fieldErrors: { mediaLink: { key: 'validation.required' } },
      });
    const fileName = String(form.get('mediaFileName') ?? '').trim();
    headerMedia = { source: 'LINK', link, fileName: fileName || null };
  } else if (source === 'UPLOAD') {
    const file = form.get('mediaFile');
    if (!(file instanceof File) || file.size === 0) {
      return refused<HeaderMediaActionData>({
        intent: 'media',
        fieldErrors: { mediaFile: { key: 'campaigns.media.fileRequired' } },
      });
    }
    if (!channelId) {
      return refused<HeaderMediaActionData>({ intent: 'media', formError: { key: 'campaigns.media.channelFirst' } });
    }
    const uploaded = await uploadFile(request, channelId, file);
    if (!uploaded.ok) {
      return refused<HeaderMediaActionData>(
        { intent: 'media', fieldErrors: { mediaFile: uploaded.message } },
        uploaded.status,
      );
    }
    headerMedia = { source: 'UPLOAD', fileId: uploaded.id };
  } else {
    headerMedia = null;
  }
  const result = await gqlForm(request, UpdateCampaignMutation, {
    id,
    input: headerMedia ? { headerMedia } : { clearHeaderMedia: true },
  });
  if (result.failure) {
    // The API's field paths arrive by their last segment: `headerMedia.link` as `link`; the rest shows on top.
    const fields = result.failure.fieldErrors ?? {};
    const other = fields.headerMedia ?? fields.fileId;
    return refused<HeaderMediaActionData>(
      {
        intent: 'media',
        fieldErrors: fields.link ? { mediaLink: fields.link } : {},
        formError: other ?? (fields.link ? undefined : result.failure.formError),
      },
      result.status,
    );
  }
  return redirectWithToast(back, { type: 'success', key: 'campaigns.media.saved' });
}
