import { Filter, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../core/ids';

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
 * Scopes an entity to one workspace for every ORM read, update and delete, by default.
 *
 * It fails closed: an entity manager without `setFilterParams('workspace', ...)` throws
 * ("No arguments provided for filter 'workspace'") instead of returning every tenant's rows.
 * Code that must cross workspaces (platform admin) says so with `filters: { workspace: false }`.
 * Raw SQL (the hot paths) is not filtered: those queries take the workspace id explicitly.
 */
export function WorkspaceScoped(): ClassDecorator {
  return Filter({
    name: WORKSPACE_FILTER,
    default: true,
    cond: (params: WorkspaceFilterParams) => ({ workspace: params.workspaceId }),
  }) as ClassDecorator;
}
