import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { THROTTLE_RESET } from './identity.sql';
import type { AuditService } from './audit.service';
import { Membership } from './membership.entity';
import { hashPassword } from './passwords';
import { Role } from './role.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

export const SEED_ADMIN_EMAIL = 'admin@bizone.id';
export const DEFAULT_ADMIN_PASSWORD = 'ChangeMe123!';

/**
 * Creates (or resets) the platform administrator: Owner of the first workspace, with a
 * password that must be changed at the next login.
 */
export class AdminSeedService {
  constructor(private readonly audit: AuditService) {}

  async seed(em: EntityManager, password: string): Promise<{ created: boolean }> {
    const seeded = await inTransaction(em, {}, async (tx) => {
      let workspace = await tx.findOne(Workspace, { slug: 'bizone' });
      workspace ??= tx.create(Workspace, { name: 'BizOne', slug: 'bizone' });
      let user = await tx.findOne(User, { email: SEED_ADMIN_EMAIL });
      const created = !user;
      user ??= tx.create(User, { email: SEED_ADMIN_EMAIL, name: 'Administrator', passwordHash: '' });
      user.passwordHash = await hashPassword(password);
      user.isPlatformAdmin = true;
      user.mustChangePassword = true;
      const owner = await tx.findOneOrFail(Role, { key: 'owner', workspace: null });
      const membership = await tx.findOne(Membership, { user, workspace }, { filters: { workspace: false } });
      if (membership) membership.role = owner;
      else tx.create(Membership, { user, workspace, role: owner });
      await tx.flush();
      await query(tx, THROTTLE_RESET, [`email:${SEED_ADMIN_EMAIL}`]);
      return { created, workspaceId: workspace.id, userId: user.id };
    });
    // After the commit: the audit entry references the rows the transaction created.
    await this.audit.record(em, {
      action: 'admin.seeded',
      workspaceId: seeded.workspaceId,
      actorId: seeded.userId,
      details: { created: seeded.created },
    });
    return { created: seeded.created };
  }

  async hasUsers(em: EntityManager): Promise<boolean> {
    return (await em.count(User, {})) > 0;
  }
}
