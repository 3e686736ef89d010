import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Foundation } from './20261124-000000-foundation';

/**
 * The platform's own migrations (workspaces, Agenda's table). Modules declare theirs in
 * their manifests; `migrationsOf` runs all of them in name (timestamp) order. Listed
 * explicitly (not discovered from the file system) so the same list runs from TypeScript in
 * tests and from compiled JavaScript in production. A migration's name is what the
 * database records: never rename one that has shipped.
 */
export const platformMigrations: MigrationObject[] = [
  { name: 'Migration20261124000000Foundation', class: Migration20261124000000Foundation },
];
