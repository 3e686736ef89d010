import { platformMigrations } from '../db/migrations';
import { createOrm, type MikroORM, type OrmOptions } from '../db/orm';
import { campaignsModule } from './campaigns';
import { channelsModule } from './channels';
import { contactsModule } from './contacts';
import { identityModule } from './identity';
import { schemaOf, type ServicesOf } from './manifest';
import { notificationsModule } from './notifications';
import { searchModule } from './search';
import { systemModule } from './system';
import { walletModule } from './wallet';

/**
 * Every module of the portal, listed once, in dependency order (a module comes after the
 * modules it requires). Entities, migrations, named SQL, resolvers, services, jobs and REST
 * routes all come from these manifests.
 */
export const appModules = [
  systemModule,
  identityModule,
  notificationsModule,
  contactsModule,
  walletModule,
  channelsModule,
  campaignsModule,
  searchModule,
] as const;

export type AppServices = ServicesOf<typeof appModules>;

export const appSchema = () => schemaOf(appModules, platformMigrations);

/** An ORM over every module's entities and migrations. */
export function createAppOrm(options: Omit<OrmOptions, 'entities' | 'migrations'>): Promise<MikroORM> {
  return createOrm({ ...options, ...appSchema() });
}
