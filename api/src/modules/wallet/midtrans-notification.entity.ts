import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

/**
 * Every body posted to the notification endpoint, exactly as received, with what came of it.
 * Not a tenant row (no workspace relation): it is stored before anything is known about it,
 * and `workspaceId` is only filled when it matched an order.
 */
@Entity({ tableName: 'midtrans_notification' })
export class MidtransNotification extends BaseEntity {
  @Property({ length: 200, nullable: true })
  orderId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  workspaceId?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ length: 40 })
  outcome!: string;

  @Property({ nullable: true })
  httpStatus?: number | null;
}
