import { IsBoolean, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connections';

@ObjectType({ description: 'The place a contact shared in a location message.' })
export class ReplyLocation {
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => String, { nullable: true, description: 'The place’s name, when the sender picked a named place.' })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'The place’s address, when Meta sent one.' })
  address!: string | null;
}

/**
 * What a reply was and showed, which every reply list shows (contact replies, campaign replies): the media facts shaped
 * by `replyFacts()`, its type and its words. A GraphQL interface both reply types implement, so the dashboard asks
 * for them with one fragment (`ReplyMediaFields`) and both lists read alike.
 */
@InterfaceType('ReplyMedia', {
  description: 'What an inbound reply was and showed: its type, words, media facts and shared place.',
})
export abstract class ReplyMediaFacts {
  @Field({ description: 'Meta’s message type: text, button, interactive, image, ...' }) type!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The text, button title or chosen item, a media caption, or a shared place’s name (else its address).',
  })
  text!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Meta’s media id of an image, video, audio, document or sticker (download it with the channel’s token).',
  })
  mediaId!: string | null;
  @Field(() => String, { nullable: true, description: 'The media’s mime type, as Meta reports it.' })
  mimeType!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A document’s file name; null once the retention purge removed it.',
  })
  fileName!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'An image’s, video’s or document’s caption (the same words as `text`); null for other types and once the retention purge removed it.',
  })
  caption!: string | null;
  @Field(() => ReplyLocation, {
    nullable: true,
    description: 'The place of a location message; null once the retention purge removed it.',
  })
  location!: ReplyLocation | null;
}

@ObjectType({ description: 'An inbound WhatsApp message from a contact (read-only).', implements: ReplyMediaFacts })
export class ContactReply extends ReplyMediaFacts {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The channel it came in on (null once that channel is gone).' })
  channelId!: string | null;
  @Field({ description: 'Meta’s message id.' }) wamid!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The text, button title or chosen item, a media caption, or a shared place’s name (else its address); null for media without a caption, and once the retention purge removed it (PERSONAL_DATA_RETENTION_DAYS).',
  })
  override text!: string | null;
  @Field() receivedAt!: Date;
}

@ObjectType()
export class ContactReplyEdge {
  @Field() cursor!: string;
  @Field(() => ContactReply) node!: ContactReply;
}

@ObjectType()
export class ContactReplyConnection {
  @Field(() => [ContactReplyEdge]) edges!: ContactReplyEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ArgsType()
export class ContactRepliesArgs {
  @Field(() => ID) @IsUUID('all') contactId!: string;
  @Field(() => Int, { defaultValue: 20, description: 'At most 100, newest first.' }) @Min(1) @Max(100) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID('all') after?: string | null;
}

@ObjectType({ description: 'Where the workspace’s inbound replies are forwarded (a signed POST each).' })
export class ReplyForwarding {
  @Field() url!: string;
  @Field() enabled!: boolean;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class SetReplyForwardingResult {
  @Field(() => ReplyForwarding) forwarding!: ReplyForwarding;
  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret, shown only when it is made (the first time, or with rotateSecret): keep it now. ' +
      'Each POST carries X-BizOne-Signature-256 = sha256=hex(HMAC-SHA256(secret, "<X-BizOne-Timestamp>.<body>")).',
  })
  secret!: string | null;
}

@ArgsType()
export class SetReplyForwardingArgs {
  @Field({ description: 'An https URL (in production it must resolve to a public address).' })
  @Length(8, 2000)
  url!: string;
  @Field() @IsBoolean() enabled!: boolean;
  @Field({ defaultValue: false, description: 'Make a new signing secret (the old one stops working at once).' })
  @IsBoolean()
  rotateSecret!: boolean;
}
