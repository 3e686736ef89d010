import { Entity, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';

/**
 * The local copy of a WABA's message template: synced from Meta and kept current by the
 * template webhooks, so the dispatcher checks APPROVED here, never against the Graph API.
 */
@Entity({ tableName: 'message_template' })
@Unique({ name: 'message_template_identity_unique', properties: ['workspace', 'wabaId', 'name', 'language'] })
@Index({ name: 'message_template_meta_id_index', properties: ['metaId'] })
@Index({ name: 'message_template_workspace_name_index', properties: ['workspace', 'name'] })
export class MessageTemplate extends WorkspaceEntity {
  @Property({ length: 40 })
  wabaId!: string;

  @Property({ length: 40 })
  metaId!: string;

  @Property({ length: 512 })
  name!: string;

  @Property({ length: 15 })
  language!: string;

  @Property({ length: 20 })
  category!: string;

  @Property({ length: 12 })
  parameterFormat: Opt<string> = 'POSITIONAL';

  @Property({ type: 'jsonb' })
  components!: unknown[];

  @Property({ length: 30 })
  status!: string;

  @Property({ length: 10, nullable: true })
  quality?: string | null;

  /** Why the broadcast engine cannot send it yet (carousel, catalog, flow, limited-time offer), or null. */
  @Property({ length: 30, nullable: true })
  unsupported?: string | null;

  @Property({ type: 'timestamptz' })
  syncedAt!: Date;
}
