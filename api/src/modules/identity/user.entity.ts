import { Entity, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

export type Language = 'en' | 'id';

/** A person who signs in. Belongs to workspaces through memberships. */
@Entity({ tableName: 'user' })
export class User extends BaseEntity {
  /** Lower-cased; one account per address. */
  @Property({ length: 254 })
  @Unique()
  email!: string;

  @Property({ length: 120 })
  name!: string;

  @Property({ length: 2 })
  language: Opt<Language> = 'id';

  @Property({ hidden: true, lazy: true })
  passwordHash!: string;

  @Property()
  isPlatformAdmin: Opt<boolean> = false;

  /** Seeded or reset passwords must be replaced before anything else is allowed. */
  @Property()
  mustChangePassword: Opt<boolean> = false;

  /** AES-GCM sealed TOTP secret (enabled), and the one being set up (pending). */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpSecret?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpPendingSecret?: string | null;

  /** The last accepted TOTP time step: a code from that step or earlier is a replay. */
  @Property({ type: 'bigint', nullable: true, hidden: true })
  totpLastStep?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  totpEnabledAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;
}
