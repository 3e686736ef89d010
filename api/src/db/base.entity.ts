import { Filter, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../core/ids';
// A type only: the db layer names the Workspace entity by string and never imports a module.
import type { Workspace } from '../modules/identity/workspace.entity';

/** Columns every table has: a UUIDv7 key and UTC timestamps. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

export const WORKSPACE_FILTER = 'workspace';

export interface WorkspaceFilterParams {
  workspaceId: string;
}

/**
 * A row that belongs to one business. Extending this is how a tenant entity is declared:
 * the `workspace` column and the scoping come together, so a new entity cannot have one
 * without the other (`api/test/workspace-scoping.test.ts` fails for an entity with a
 * workspace relation that is neither a WorkspaceEntity nor declared `@CrossWorkspace`).
 *
 * The filter fails closed: an entity manager without `setFilterParams('workspace', ...)`
 * throws ("No arguments provided for filter 'workspace'") instead of returning every
 * tenant's rows. Code that must cross workspaces (platform admin) says so with
 * `filters: { workspace: false }`. Raw SQL is not filtered: by convention its first
 * parameter is the workspace id (db/sql.ts).
 */
@Filter({
  name: WORKSPACE_FILTER,
  default: true,
  cond: (params: WorkspaceFilterParams) => ({ workspace: params.workspaceId }),
})
export abstract class WorkspaceEntity extends BaseEntity {
  @ManyToOne('Workspace')
  workspace!: Workspace;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const crossWorkspaceReasons = new Map<Function, string>();

/**
 * Declares an entity with a workspace relation that is deliberately not scoped by it, and
 * why (a user's session whose workspace is only the active one, a Meta business portfolio's
 * counter shared by several workspaces...). Its queries filter by workspace explicitly.
 */
export function CrossWorkspace(reason: string): ClassDecorator {
  return (target) => {
    crossWorkspaceReasons.set(target, reason);
  };
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function crossWorkspaceReason(entity: Function): string | undefined {
  return crossWorkspaceReasons.get(entity);
}

/**
 * The one way for jobs, webhooks and requests to get an entity manager bound to a
 * workspace: a fresh unit of work whose tenant entities are filtered by it.
 */
export function workspaceEm<E extends EntityManager>(em: E, workspaceId: string): E {
  const fork = em.fork();
  fork.setFilterParams(WORKSPACE_FILTER, { workspaceId } satisfies WorkspaceFilterParams);
  return fork;
}
