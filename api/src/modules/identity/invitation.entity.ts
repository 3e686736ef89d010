import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { Role } from './role.entity';
import { User } from './user.entity';

/**
 * An offer to join a workspace with a role, redeemed once through a secret link (only its
 * SHA-256 is stored). At most one open invitation per address and workspace: inviting again
 * revokes the previous link (a partial unique index in the migration holds the rule).
 */
@Entity({ tableName: 'invitation' })
@Index({ properties: ['workspace', 'createdAt'] })
export class Invitation extends WorkspaceEntity {
  @Property({ length: 254 })
  email!: string;

  @ManyToOne(() => Role)
  role!: Role;

  @Property({ length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User)
  invitedBy!: User;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  acceptedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
