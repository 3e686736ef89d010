import { IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connections';
import { ReplyMediaFacts } from '../channels';

@ObjectType({
  description: 'What happened to a campaign’s messages in one interval (each status counted at its time).',
})
export class CampaignTimelinePoint {
  @Field({ description: 'The start of the interval.' }) at!: Date;
  @Field(() => Int) sent!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) read!: number;
  @Field(() => Int) failed!: number;
}

@ObjectType({ description: 'A campaign’s sent, delivered, read and failed messages over time, in equal intervals.' })
export class CampaignTimeline {
  @Field(() => Int, {
    description: 'The length of each interval: 1 minute to 1 week, the smallest that keeps it to 120 points.',
  })
  bucketSeconds!: number;
  @Field(() => [CampaignTimelinePoint], {
    description: 'Oldest first, every interval from the first event to the last.',
  })
  points!: CampaignTimelinePoint[];
}

@ArgsType()
export class CampaignTimelineArgs {
  @Field(() => ID) @IsUUID('all') campaignId!: string;
}

@ObjectType({
  description: 'A reply a campaign drew: an inbound message from one of its recipients after it was sent.',
  implements: ReplyMediaFacts,
})
export class CampaignReply extends ReplyMediaFacts {
  @Field(() => ID) id!: string;
  @Field(() => ID) contactId!: string;
  @Field() phone!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field() receivedAt!: Date;
}

@ObjectType()
export class CampaignReplyPage {
  @Field(() => Int, { description: 'Every reply the campaign drew.' }) totalCount!: number;
  @Field(() => [CampaignReply]) items!: CampaignReply[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ArgsType()
export class CampaignRepliesArgs {
  @Field(() => ID) @IsUUID('all') campaignId!: string;
  @Field(() => Int, { defaultValue: 20, description: 'At most 100, newest first.' }) @Min(1) @Max(100) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID('all') after?: string | null;
}
