import type { AppConfig } from './config';
import { createIdentityServices } from './modules/identity';

/** The module services of one process, built once by the composition root and shared by every request. */
export function createServices(config: AppConfig) {
  return {
    identity: createIdentityServices({ encryptionKey: config.secrets.encryptionKey }),
  };
}

export type AppServices = ReturnType<typeof createServices>;
