import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import type { Language } from '../core/messages';

/** What every resolver receives. Identity (user, workspace, permissions) joins it with the identity module. */
export interface GraphQLContext {
  requestId: string;
  language: Language;
  /** A fresh entity manager per request (MikroORM identity map must not be shared). */
  em: EntityManager;
  logger: Logger;
}
