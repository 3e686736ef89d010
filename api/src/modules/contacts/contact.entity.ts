import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { User } from '../identity';
import { ContactSource } from './contact-types';

/** What a consent record proves: who recorded it, under which statement, from which import. */
export interface ConsentEvidence {
  statement?: string;
  userId?: string;
  importId?: string;
}

/**
 * A person a workspace may message: one per phone (E.164) per workspace, enforced by a unique
 * index. Two suppressions: `optedOut` excludes it from every send, `marketingOptOut` from
 * marketing templates only; each keeps its own source and time.
 */
@Entity({ tableName: 'contact' })
@Unique({ name: 'contact_phone_unique', properties: ['workspace', 'phone'] })
@Index({ name: 'contact_page_index', properties: ['workspace', 'id'] })
export class Contact extends WorkspaceEntity {
  @Property({ length: 16 })
  phone!: string;

  @Property({ length: 200, nullable: true })
  name?: string | null;

  @Property({ type: ArrayType })
  tags: Opt<string[]> = [];

  @Property({ type: 'json' })
  attributes: Opt<Record<string, string>> = {};

  @Enum({ items: () => ContactSource, length: 16 })
  source!: ContactSource;

  @Property({ length: 32, nullable: true })
  waId?: string | null;

  @Property({ length: 128, nullable: true })
  waUserId?: string | null;

  @Property({ length: 32, nullable: true })
  consentSource?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  consentAt?: Date | null;

  @Property({ type: 'json', nullable: true })
  consentEvidence?: ConsentEvidence | null;

  @Property({ type: 'timestamptz', nullable: true })
  optedOutAt?: Date | null;

  @Property({ length: 32, nullable: true })
  optedOutSource?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  marketingOptOutAt?: Date | null;

  @Property({ length: 32, nullable: true })
  marketingOptOutSource?: string | null;

  /** Since when a reply with a keyword inside a sentence waits for a person's decision (cleared by it). */
  @Property({ type: 'timestamptz', nullable: true })
  reviewPendingAt?: Date | null;
}

/** The consent and suppression history of a contact: append-only, erased with the contact. */
@Entity({ tableName: 'contact_event' })
export class ContactEvent extends WorkspaceEntity {
  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact!: Contact;

  @Property({ length: 32 })
  kind!: string;

  @Property({ length: 32 })
  source!: string;

  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}

/**
 * What remains of an erased contact that was suppressed: a keyed hash of its phone and its
 * suppressions, so a re-import of the number stays suppressed without keeping the number.
 */
@Entity({ tableName: 'contact_erased_suppression' })
export class ErasedSuppression extends WorkspaceEntity {
  @Property({ length: 64, columnType: 'char(64)' })
  phoneHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  optedOutAt?: Date | null;

  @Property({ length: 32, nullable: true })
  optedOutSource?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  marketingOptOutAt?: Date | null;

  @Property({ length: 32, nullable: true })
  marketingOptOutSource?: string | null;
}

/** A named filter; campaigns use it as an audience. */
@Entity({ tableName: 'segment' })
export class Segment extends WorkspaceEntity {
  @Property({ length: 80 })
  name!: string;

  @Property({ type: 'json' })
  filter!: Record<string, unknown>;
}

/** Per-workspace settings of the address book (the opt-out keywords). */
@Entity({ tableName: 'contact_settings' })
export class ContactSettings extends WorkspaceEntity {
  @Property({ type: ArrayType })
  optOutKeywords!: string[];
}
