import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Foundation } from './20261124-000000-foundation';
import { Migration20261124120000Identity } from './20261124-120000-identity';

/**
 * Every migration, in order. Listed explicitly (not discovered from the file system) so the
 * same list runs from TypeScript in tests and from compiled JavaScript in production.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000000Foundation', class: Migration20261124000000Foundation },
  { name: 'Migration20261124120000Identity', class: Migration20261124120000Identity },
];
