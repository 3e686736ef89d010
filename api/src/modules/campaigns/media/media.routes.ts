import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../../../core/app-error';
import { workspaceEm } from '../../../db/base.entity';
import { credentialOf } from '../../../http/credentials';
import type { RestRequest, RestRoute } from '../../../http/rest';
import { Permission, type AccessService, type WorkspaceIdentity } from '../../identity';
import type { CampaignMediaService } from './media.service';
import { MAX_UPLOAD_BYTES, UPLOAD_MEDIA_TYPES } from './media-limits';

export const MEDIA_UPLOAD_PATH = '/api/campaigns/media';

interface RouteDeps {
  orm: MikroORM;
  access: AccessService;
  media: CampaignMediaService;
}

async function callerOf(deps: RouteDeps, request: RestRequest): Promise<WorkspaceIdentity> {
  const credential = credentialOf(request);
  const identity = credential ? await deps.access.resolve(deps.orm.em, credential, request.ip) : undefined;
  if (!identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
  if (identity.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'auth.passwordChangeRequired');
  if (!identity.workspaceId || !identity.permissions.has(Permission.CAMPAIGNS_WRITE)) {
    throw new AppError('FORBIDDEN', 'auth.forbidden', { permission: Permission.CAMPAIGNS_WRITE });
  }
  return identity as WorkspaceIdentity;
}

/**
 * The upload of a campaign's header file, as the contacts import does it: the raw file is the body, its media type
 * the Content-Type, `channelId` and `fileName` in the query; a bearer token or the session cookie, CAMPAIGNS_WRITE.
 * CSRF-safe with the cookie: it is SameSite=Lax (no cross-site POST carries it), and every accepted media type
 * (image/jpeg, video/mp4, application/pdf...) is one no HTML form can send and a cross-site fetch may send only
 * after a CORS preflight the API never grants; other types are 415. Bodies over Meta's largest limit are 413 before
 * they are read; each type's own limit is checked by the service.
 */
export function mediaRoutes(deps: RouteDeps): RestRoute[] {
  return [
    {
      method: 'POST',
      path: MEDIA_UPLOAD_PATH,
      maxBodyBytes: MAX_UPLOAD_BYTES,
      contentTypes: UPLOAD_MEDIA_TYPES,
      async handle(request) {
        const caller = await callerOf(deps, request);
        const channelId = request.query.get('channelId');
        if (!channelId) {
          throw new AppError(
            'BAD_USER_INPUT',
            'campaigns.media.channelRequired',
            {},
            {
              channelId: 'campaigns.media.channelRequired',
            },
          );
        }
        const mimeType = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
        const file = await deps.media.store(
          workspaceEm(deps.orm.em, caller.workspaceId),
          caller.workspaceId,
          caller.userId ?? null,
          {
            channelId,
            fileName: request.query.get('fileName') ?? 'file',
            mimeType,
            content: request.rawBody,
          },
        );
        return { status: 201, body: file };
      },
    },
  ];
}
