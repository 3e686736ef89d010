import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { WorkspaceEntity } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';
import {
  CampaignStatus,
  MessageStatus,
  type AudienceValue,
  type HeaderMediaValue,
  type VariableValue,
} from './campaign-types';

/**
 * A broadcast: one template on one channel to an audience. The draft fields are edited until
 * launch; launch snapshots recipients into `campaign_message`, keeps the price per message and
 * places one wallet hold (`holdId`).
 */
@Entity({ tableName: 'campaign' })
@Index({ name: 'campaign_page_index', properties: ['workspace', 'id'] })
export class Campaign extends WorkspaceEntity {
  @Property({ length: 120 })
  name!: string;

  @Enum({ items: () => CampaignStatus, length: 12 })
  status: Opt<CampaignStatus> = CampaignStatus.DRAFT;

  @Property({ length: 60, nullable: true })
  pauseReason?: string | null;

  @Property({ length: 200, nullable: true })
  failReason?: string | null;

  @Property({ type: 'uuid', nullable: true })
  channelId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  templateId?: string | null;

  @Property({ length: 512, nullable: true })
  templateName?: string | null;

  @Property({ length: 15, nullable: true })
  templateLanguage?: string | null;

  @Property({ length: 20, nullable: true })
  templateCategory?: string | null;

  @Property({ type: 'json' })
  variables: Opt<VariableValue[]> = [];

  @Property({ type: 'json' })
  audience!: AudienceValue;

  /** The media of an IMAGE, VIDEO or DOCUMENT header: a link or an uploaded file (docs/TEMPLATE-MEDIA.md). */
  @Property({ type: 'json', nullable: true })
  headerMedia?: HeaderMediaValue | null;

  @Property({ type: 'timestamptz', nullable: true })
  scheduledAt?: Date | null;

  /** The daily send window in minutes after local midnight ([start, end)), or null for any time. */
  @Property({ type: 'smallint', nullable: true })
  windowStart?: number | null;

  @Property({ type: 'smallint', nullable: true })
  windowEnd?: number | null;

  @Property({ length: 40 })
  timeZone!: string;

  @Property({ type: RupiahType, nullable: true })
  price?: Rupiah | null;

  @Property({ type: 'uuid', nullable: true })
  holdId?: string | null;

  @Property({ type: 'int' })
  total: Opt<number> = 0;

  @Property({ type: 'uuid', nullable: true })
  retargetOf?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastClaimedAt?: Date | null;
}

/**
 * One recipient of a campaign: the dispatcher's per-message truth. Claimed QUEUED -> SENDING
 * with an attempt number and the lease's fencing token before any HTTP call; every later
 * write checks that token.
 */
@Entity({ tableName: 'campaign_message' })
@Unique({ name: 'campaign_message_contact_unique', properties: ['contactId', 'campaign'] })
export class CampaignMessage extends WorkspaceEntity {
  @ManyToOne(() => Campaign, { deleteRule: 'cascade' })
  campaign!: Campaign;

  /** Null once the contact is erased (the row stays for the counts and the charge). */
  @Property({ type: 'uuid', nullable: true })
  contactId?: string | null;

  @Property({ length: 16, nullable: true })
  phone?: string | null;

  @Enum({ items: () => MessageStatus, length: 10 })
  status: Opt<MessageStatus> = MessageStatus.QUEUED;

  @Property({ type: 'smallint' })
  statusRank: Opt<number> = 0;

  @Property({ type: 'smallint' })
  attempt: Opt<number> = 0;

  @Property({ type: 'bigint', nullable: true })
  fence?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  notBefore?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt?: Date | null;

  @Property({ length: 200, nullable: true })
  wamid?: string | null;

  @Property({ type: 'int', nullable: true })
  errorCode?: number | null;

  @Property({ type: RupiahType })
  charged: Opt<Rupiah> = 0n as Rupiah;

  /** The ledger entry (its batch's CAPTURE) that charged the current attempt; no foreign key (see the migration). */
  @Property({ type: 'uuid', nullable: true })
  chargeEntryId?: string | null;

  /** The REFUND entry that gave the current attempt's charge back (earlier attempts: `message_refund`). */
  @Property({ type: 'uuid', nullable: true })
  refundEntryId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  failedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  unknownDeadline?: Date | null;
}
