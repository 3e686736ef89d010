import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import type { Language } from '../core/messages';

/**
 * What every resolver receives. Identity (user, workspace, permissions) joins it with the
 * identity module.
 *
 * A class, so that `em` is a getter on the prototype: Apollo shallow-copies the context per
 * operation (copying own properties), and a fork made eagerly, or by an own getter being
 * copied, would cost every request a unit of work it may never use.
 */
export class GraphQLContext {
  private forkedEm?: EntityManager;

  constructor(
    private readonly orm: MikroORM,
    readonly requestId: string,
    readonly language: Language,
    private readonly request: { log: Logger },
  ) {}

  /** The request's logger (carries the request id). */
  get logger(): Logger {
    return this.request.log;
  }

  /** A fresh entity manager per request (MikroORM's identity map must not be shared). */
  get em(): EntityManager {
    return (this.forkedEm ??= this.orm.em.fork());
  }
}
