import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import { isUuid } from '../../core/ids';
import { workspaceEm } from '../../db/base.entity';
import { credentialOf } from '../../http/credentials';
import type { RestRequest, RestRoute } from '../../http/rest';
import { Permission, type AccessService, type WorkspaceIdentity } from '../identity';
import type { ContactExportService } from './contact-export.service';
import type { ContactImportService } from './contact-import.service';
import type { ContactFilterValue } from './contact-types';
import { EXPORT_PATH, REPORT_PATH } from './contacts.mappers';

export const UPLOAD_PATH = '/api/contacts/imports';

/** The media types a CSV arrives as (browsers send text/csv, or Excel's type on Windows). */
export const CSV_MEDIA_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

interface RouteDeps {
  orm: MikroORM;
  access: AccessService;
  imports: ContactImportService;
  exports: ContactExportService;
  maxUploadBytes: number;
}

/** The caller of a REST request, as GraphQL would resolve it, holding `permission` in its workspace. */
async function callerOf(deps: RouteDeps, request: RestRequest, permission: Permission): Promise<WorkspaceIdentity> {
  const credential = credentialOf(request);
  const identity = credential ? await deps.access.resolve(deps.orm.em, credential, request.ip) : undefined;
  if (!identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
  if (identity.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'auth.passwordChangeRequired');
  if (!identity.workspaceId || !identity.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', 'auth.forbidden', { permission });
  }
  return identity as WorkspaceIdentity;
}

function idOf(request: RestRequest): string {
  const id = request.query.get('id') ?? '';
  if (!isUuid(id)) throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { id: 'validation.isUuid' });
  return id;
}

function csvDownload(fileName: string) {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  };
}

/**
 * The upload (a raw CSV body: the dashboard's server forwards the file as it came) and the
 * downloads (the report of rejected rows, exports), authenticated like GraphQL: a bearer
 * token or the session cookie, with the same permissions.
 */
export function contactRoutes(deps: RouteDeps): RestRoute[] {
  return [
    {
      method: 'POST',
      path: UPLOAD_PATH,
      maxBodyBytes: deps.maxUploadBytes,
      contentTypes: CSV_MEDIA_TYPES,
      async handle(request) {
        const caller = await callerOf(deps, request, Permission.CONTACTS_WRITE);
        const fileName = (request.query.get('fileName') ?? 'contacts.csv').replace(/[^\p{L}\p{N} ._-]/gu, '_');
        const { contactImport, preview, suggested } = await deps.imports.upload(
          workspaceEm(deps.orm.em, caller.workspaceId),
          caller,
          fileName,
          request.rawBody,
        );
        return {
          status: 201,
          body: {
            id: contactImport.id,
            fileName: contactImport.fileName,
            columns: contactImport.columns,
            delimiter: contactImport.delimiter,
            totalRows: contactImport.totalRows,
            preview,
            suggestedMapping: suggested,
          },
        };
      },
    },
    {
      method: 'GET',
      path: REPORT_PATH,
      async handle(request) {
        const caller = await callerOf(deps, request, Permission.CONTACTS_READ);
        const id = idOf(request);
        const em = workspaceEm(deps.orm.em, caller.workspaceId);
        await deps.imports.get(em, caller.workspaceId, id);
        return {
          headers: csvDownload(`rejected-rows-${id}.csv`),
          stream: deps.imports.report(em, caller.workspaceId, id, request.language),
        };
      },
    },
    {
      method: 'GET',
      path: EXPORT_PATH,
      async handle(request) {
        const caller = await callerOf(deps, request, Permission.CONTACTS_WRITE);
        const id = idOf(request);
        const em = workspaceEm(deps.orm.em, caller.workspaceId);
        const found = await deps.exports.find(em, caller.workspaceId, id);
        return {
          headers: csvDownload(`contacts-${id}.csv`),
          stream: deps.exports.stream(em, caller.workspaceId, found.filter as ContactFilterValue),
        };
      },
    },
  ];
}
