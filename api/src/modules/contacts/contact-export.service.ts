import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import type { AuditService, Identity, RequestMeta } from '../identity';
import { ContactExport } from './contact-import.entity';
import { pageStatement, type ContactRow } from './contact-filter';
import { ContactOrder, type ContactFilterValue } from './contact-types';
import type { ContactsService } from './contacts.service';

/** How long an export's download address works. */
export const EXPORT_LIFETIME_MS = 60 * 60 * 1000;
const PAGE = 5000;

export const EXPORT_COLUMNS = [
  'phone',
  'name',
  'tags',
  'attributes',
  'source',
  'opted_out_at',
  'marketing_opt_out_at',
  'consent_at',
  'created_at',
] as const;

function csvRow(row: ContactRow): string[] {
  return [
    row.phone,
    row.name ?? '',
    row.tags.join('|'),
    JSON.stringify(row.attributes),
    row.source,
    row.opted_out_at ? new Date(row.opted_out_at).toISOString() : '',
    row.marketing_opt_out_at ? new Date(row.marketing_opt_out_at).toISOString() : '',
    row.consent_at ? new Date(row.consent_at).toISOString() : '',
    new Date(row.created_at).toISOString(),
  ];
}

/**
 * Exports: a filter becomes a download address (valid for an hour, for members of the same
 * workspace); the download streams the matching contacts page by page, never the whole set
 * in memory. A person's own data (an access request under UU PDP) comes as one JSON document.
 */
export class ContactExportService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(
    em: EntityManager,
    actor: Identity & { workspaceId: string },
    meta: RequestMeta,
    filter: ContactFilterValue,
  ) {
    const created = em.fork().create(ContactExport, {
      workspace: actor.workspaceId,
      createdBy: actor.userId,
      filter: filter as Record<string, unknown>,
      expiresAt: new Date(this.clock.now().getTime() + EXPORT_LIFETIME_MS),
    });
    await em.fork().persistAndFlush(created);
    await this.audit.recordBy(em, actor, meta, { action: 'contacts.exported', target: created.id });
    return created;
  }

  async find(em: EntityManager, workspaceId: string, id: string): Promise<ContactExport> {
    const found = await em.findOne(ContactExport, { workspace: workspaceId, id });
    if (!found || found.expiresAt.getTime() < this.clock.now().getTime()) {
      throw new AppError('NOT_FOUND', 'contacts.exportNotFound');
    }
    return found;
  }

  stream(em: EntityManager, workspaceId: string, filter: ContactFilterValue): Readable {
    async function* rows() {
      yield [...EXPORT_COLUMNS];
      let after: { id: string; key: string | null } | undefined;
      for (;;) {
        const page = pageStatement(workspaceId, filter, ContactOrder.CREATED_ASC, PAGE, after);
        const found = await query(em, page.statement, page.values);
        for (const row of found) yield csvRow(row);
        if (found.length < PAGE) return;
        after = page.keyOf(found[found.length - 1]!);
      }
    }
    return Readable.from(rows()).pipe(stringify({ bom: true }));
  }

  /** Everything the book holds about one person, for an access request. */
  async personalData(em: EntityManager, workspaceId: string, id: string) {
    const contact = await this.contacts.get(em, workspaceId, id);
    const history = await this.contacts.history(em, workspaceId, id, 1000);
    return { contact, history };
  }
}
