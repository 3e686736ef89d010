import { ReferenceKind, type MetadataStorage } from '@mikro-orm/core';
import { crossWorkspaceReason, WORKSPACE_FILTER } from './base.entity';

/**
 * Entities that reference a workspace but are neither scoped by it (a WorkspaceEntity) nor
 * declared `@CrossWorkspace(reason)`. The ORM refuses to start with any, so a tenant table
 * cannot ship unscoped by accident.
 */
export function unscopedTenantEntities(metadata: MetadataStorage): string[] {
  return Object.values(metadata.getAll())
    .filter((meta) => !meta.abstract && !meta.embeddable)
    .filter((meta) =>
      Object.values(meta.properties).some(
        (property) => property.kind === ReferenceKind.MANY_TO_ONE && property.type === 'Workspace',
      ),
    )
    .filter((meta) => !meta.filters[WORKSPACE_FILTER] && !crossWorkspaceReason(meta.class))
    .map((meta) => meta.className);
}
