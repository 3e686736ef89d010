import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { User } from '../identity';
import type { NotificationParams } from './notification-types';

/**
 * Something to tell one member: its type and parameters, never translated text (the text is
 * rendered in the reader's language when read). One row per recipient, so read state is
 * per person.
 */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_inbox_index', properties: ['workspace', 'user', 'id'] })
export class Notification extends WorkspaceEntity {
  @ManyToOne(() => User)
  user!: User;

  @Property({ length: 60 })
  type!: string;

  @Property({ type: 'json' })
  params!: NotificationParams;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}
