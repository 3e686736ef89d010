import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity, CrossWorkspace } from '../../db/base.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

/**
 * A way back into an account without e-mail: a one-time link issued by an Owner (for a member
 * of its workspace) or by the platform operator. Only the SHA-256 of the link is stored; using
 * it sets a new password and ends every session of the account.
 */
@Entity({ tableName: 'password_reset_link' })
@CrossWorkspace('it resets an account, which is not a tenant row; the workspace only records where an Owner issued it')
export class PasswordResetLink extends BaseEntity {
  @ManyToOne(() => User)
  user!: User;

  @Property({ length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User)
  issuedBy!: User;

  /** The Owner's workspace; null when the platform operator issued it. */
  @ManyToOne(() => Workspace, { nullable: true })
  workspace?: Workspace | null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  /** Set when a newer link for the same account replaced this one. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
