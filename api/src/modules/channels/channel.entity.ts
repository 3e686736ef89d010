import { Entity, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';

export type ChannelStatus = 'CONNECTED' | 'PAUSED' | 'DISCONNECTED';

/**
 * A WhatsApp Business Account's phone number that the installation's Meta app acts on for a
 * workspace. The phone number id is unique across the installation: Meta's webhooks name only
 * it, and they are routed to the workspace by it. The access token is stored sealed
 * (TokenBox) and never leaves the API.
 */
@Entity({ tableName: 'channel' })
@Unique({ name: 'channel_phone_number_id_unique', properties: ['phoneNumberId'] })
@Index({ name: 'channel_workspace_id_index', properties: ['workspace'] })
@Index({ name: 'channel_waba_id_index', properties: ['wabaId'] })
export class Channel extends WorkspaceEntity {
  @Property({ length: 40 })
  phoneNumberId!: string;

  @Property({ length: 40 })
  wabaId!: string;

  @Property({ length: 40, nullable: true })
  portfolioId?: string | null;

  @Property({ length: 100 })
  name!: string;

  @Property({ length: 30, nullable: true })
  displayNumber?: string | null;

  @Property({ type: 'text', hidden: true })
  accessTokenSealed!: string;

  @Property({ length: 20 })
  tokenKeyId!: string;

  @Property({ type: 'int' })
  throughput: Opt<number> = 80;

  /** Also on the WhatsApp Business app (`is_on_biz_app`): Meta fixes it at 20 msg/s, whatever its upgrades. */
  @Property({ type: 'boolean' })
  coexistence: Opt<boolean> = false;

  @Property({ length: 10, nullable: true })
  quality?: string | null;

  @Property({ length: 15 })
  status: Opt<ChannelStatus> = 'CONNECTED';

  @Property({ length: 200, nullable: true })
  statusReason?: string | null;

  @Property({ type: 'boolean' })
  subscribed: Opt<boolean> = false;

  @Property({ type: 'timestamptz', nullable: true })
  checkedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastWebhookAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSentAt?: Date | null;

  /** When the members were told this channel hears no webhooks; spent by the next webhook (webhook-silence.ts). */
  @Property({ type: 'timestamptz', nullable: true })
  silenceNotifiedAt?: Date | null;
}
