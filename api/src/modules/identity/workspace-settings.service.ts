import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../db/transaction';
import type { AuditService } from './audit.service';
import type { RequestMeta, WorkspaceIdentity } from './identity';
import type { WorkspaceTimeZone } from './time-zones';
import { Workspace } from './workspace.entity';

/** The active workspace's own settings (today its time zone), changed by whoever may manage the workspace. */
export class WorkspaceSettingsService {
  constructor(private readonly audit: AuditService) {}

  async setTimeZone(
    em: EntityManager,
    actor: WorkspaceIdentity,
    timeZone: WorkspaceTimeZone,
    meta: RequestMeta,
  ): Promise<Workspace> {
    // Read under the row lock, so two changes at once audit the `from` each of them really replaced.
    const { workspace, from } = await inTransaction(em, {}, async (tx) => {
      const row = await tx.findOneOrFail(
        Workspace,
        { id: actor.workspaceId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const previous = row.timeZone;
      row.timeZone = timeZone;
      return { workspace: row, from: previous };
    });
    if (from !== timeZone) {
      await this.audit.recordBy(em, actor, meta, {
        action: 'workspace.timeZoneChanged',
        target: workspace.name,
        details: { from, to: timeZone },
      });
    }
    return workspace;
  }
}
