import type { AppConfig } from './config';
import type { PreparedStatements } from './db/prepared-statements';
import { createIdentityServices } from './modules/identity';

/** The module services of one process, built once by the composition root and shared by every request. */
export function createServices(config: AppConfig, statements: PreparedStatements) {
  return {
    identity: createIdentityServices({ encryptionKey: config.secrets.encryptionKey, statements }),
  };
}

export type AppServices = ReturnType<typeof createServices>;
