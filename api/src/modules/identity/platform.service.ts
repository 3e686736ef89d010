import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { MEMBER_COUNTS_BY_WORKSPACE } from './identity.sql';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { AuditService } from './audit.service';
import { normalizeEmail } from './auth.service';
import type { Identity, RequestMeta } from './identity';
import type { InvitationsService } from './invitations.service';
import { Workspace } from './workspace.entity';

/** What the platform operator does across workspaces: see them all, open new ones. */
export class PlatformService {
  constructor(
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
  ) {}

  async workspaces(em: EntityManager) {
    const workspaces = await em.find(Workspace, {}, { orderBy: { createdAt: 'asc' } });
    const counts = await query(em, MEMBER_COUNTS_BY_WORKSPACE, []);
    const byWorkspace = new Map(counts.map((row) => [row.workspace_id, Number(row.count)]));
    return workspaces.map((workspace) => ({ workspace, memberCount: byWorkspace.get(workspace.id) ?? 0 }));
  }

  /** A new business and an invitation for its first Owner (an existing account or a new one). */
  async createWorkspace(
    em: EntityManager,
    actor: Identity,
    input: { name: string; ownerEmail: string },
    meta: RequestMeta,
  ) {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 120)
      throw new AppError('BAD_USER_INPUT', 'workspaces.nameLength', {}, { name: 'workspaces.nameLength' });
    const slug = `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 50) || 'workspace'
    }-${randomBytes(3).toString('hex')}`;
    const email = normalizeEmail(input.ownerEmail);
    const { workspace, url } = await inTransaction(em, {}, async (tx) => {
      const workspace = tx.create(Workspace, { name, slug });
      await tx.flush();
      const { url } = await this.invitations.inviteFirstOwner(tx, actor, workspace, email);
      return { workspace, url };
    });
    await this.audit.record(em, {
      action: 'admin.workspaceCreated',
      workspaceId: workspace.id,
      actorId: actor.userId,
      ip: meta.ip,
      target: name,
      details: { owner: email },
    });
    return { workspace, ownerInvitationUrl: url };
  }
}
