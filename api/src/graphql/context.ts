import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { workspaceEm } from '../db/base.entity';
import type { Logger } from '../core/logger';
import type { Language } from '../core/messages';
import type { Identity, RequestMeta } from '../modules/identity';

export interface RequestFacts {
  requestId: string;
  language: Language;
  log: Logger;
  meta: RequestMeta;
  identity?: Identity;
}

/**
 * What every resolver receives besides its arguments: the request's entity manager, language,
 * logger and origin. Services come through the resolver's constructor (graphql/container.ts)
 * and the caller through `@Caller()` / `@WorkspaceCaller()` (graphql/caller.ts).
 *
 * A class, so that `em` is a getter on the prototype: Apollo shallow-copies the context per
 * operation (copying own properties), and a fork made eagerly, or by an own getter being
 * copied, would cost every request a unit of work it may never use.
 */
export class GraphQLContext {
  private forkedEm?: EntityManager;

  constructor(
    private readonly orm: MikroORM,
    private readonly request: RequestFacts,
  ) {}

  get requestId(): string {
    return this.request.requestId;
  }

  get language(): Language {
    return this.request.language;
  }

  /** The request's logger (carries the request id). */
  get logger(): Logger {
    return this.request.log;
  }

  get meta(): RequestMeta {
    return this.request.meta;
  }

  /** Who is calling; undefined for anonymous requests (the auth checker guards every field). */
  get identity(): Identity | undefined {
    return this.request.identity;
  }

  /**
   * A fresh entity manager per request, scoped to the caller's workspace: tenant entities
   * are filtered by it, and without one they refuse to load at all.
   */
  get em(): EntityManager {
    if (!this.forkedEm) {
      const workspaceId = this.request.identity?.workspaceId;
      this.forkedEm = workspaceId ? workspaceEm(this.orm.em, workspaceId) : this.orm.em.fork();
    }
    return this.forkedEm;
  }
}
