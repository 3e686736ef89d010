import { ArrayMaxSize, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationType } from './notification-types';

@ObjectType({ description: 'Something the portal tells a member, in the reader’s language.' })
export class NotificationView {
  @Field(() => ID) id!: string;
  @Field(() => NotificationType) type!: NotificationType;
  @Field() title!: string;
  @Field() body!: string;
  @Field({ description: 'The dashboard page it leads to, e.g. /wallet.' }) link!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class NotificationPage {
  @Field(() => [NotificationView]) items!: NotificationView[];
  @Field(() => Int, { description: 'Unread notifications of the reader in this workspace (the badge).' })
  unreadCount!: number;
  @Field(() => ID, { nullable: true, description: 'Pass as `after` for the next (older) page.' })
  nextCursor?: string;
}

@ArgsType()
export class NotificationsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') after?: string;
  @Field({ defaultValue: false }) unreadOnly!: boolean;
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(100) first!: number;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'These notifications; without ids, all of the reader’s.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}
