import { IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connections';

const META_ID = /^\d{1,25}$/;

@ObjectType({
  description: 'A WhatsApp phone number of a WABA that the portal sends through. The token is never shown.',
})
export class ChannelView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Meta’s phone number id; webhooks are routed by it.' }) phoneNumberId!: string;
  @Field({ description: 'The WhatsApp Business Account id.' }) wabaId!: string;
  @Field(() => String, { nullable: true, description: 'The Meta business portfolio that owns the WABA.' })
  portfolioId!: string | null;
  @Field(() => String, { nullable: true }) displayNumber!: string | null;
  @Field(() => Int, {
    description: 'Messages per second: 80 by default, 1000 after Meta’s upgrade, 20 for coexistence.',
  })
  throughput!: number;
  @Field(() => String, { nullable: true, description: 'GREEN, YELLOW, RED or UNKNOWN.' }) quality!: string | null;
  @Field({ description: 'CONNECTED, PAUSED (Meta restricted or disabled the account) or DISCONNECTED.' })
  status!: string;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field({ description: 'Whether the installation’s Meta app is subscribed to the WABA’s webhooks.' })
  subscribed!: boolean;
  @Field(() => Date, { nullable: true }) checkedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastWebhookAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The portfolio’s limit of unique recipients per rolling 24 h (-1: unlimited), shared by its numbers.',
  })
  messagingLimit!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Today’s use of the limit: unique recipients the portfolio reached in the rolling 24 h (all its numbers); null without a portfolio.',
  })
  messagingLimitUsed!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'What is left of the limit for the rolling 24 h (never below 0); null when unlimited or unknown.',
  })
  messagingLimitRemaining!: number | null;
  @Field({ description: 'Sent in the last 10 minutes with no webhook since: check the webhook at Meta.' })
  webhookSilent!: boolean;
  @Field() createdAt!: Date;
}

@InputType()
export class ConnectChannelInput {
  @Field() @Length(1, 100) name!: string;
  @Field() @Matches(META_ID) phoneNumberId!: string;
  @Field() @Matches(META_ID) wabaId!: string;
  @Field({ description: 'A system-user access token with whatsapp_business_messaging and _management.' })
  @Length(20, 1000)
  accessToken!: string;
}

@InputType()
export class UpdateChannelInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A replacement token; it must work for this number.' })
  @IsOptional()
  @Length(20, 1000)
  accessToken?: string | null;
}

@ArgsType()
export class ChannelIdArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
}

@ArgsType()
export class TemplatesArgs {
  @Field(() => ID, { nullable: true, description: 'Only the templates of this channel’s WABA.' })
  @IsOptional()
  @IsUUID('all')
  channelId?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'At most 100, by name and language.' })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the page before.' })
  @IsOptional()
  @IsUUID('all')
  after?: string | null;
}

@ArgsType()
export class SyncTemplatesArgs {
  @Field(() => ID) @IsUUID('all') channelId!: string;
}

@ObjectType({ description: 'The local copy of a message template approved (or not) at Meta.' })
export class TemplateView {
  @Field(() => ID) id!: string;
  @Field({ description: 'Meta’s template id.' }) metaId!: string;
  @Field() wabaId!: string;
  @Field() name!: string;
  @Field() language!: string;
  @Field({ description: 'MARKETING, UTILITY or AUTHENTICATION.' }) category!: string;
  @Field({ description: 'NAMED or POSITIONAL.' }) parameterFormat!: string;
  @Field({ description: 'APPROVED, PENDING, REJECTED, PAUSED, DISABLED...' }) status!: string;
  @Field(() => String, { nullable: true }) quality!: string | null;
  @Field({ description: 'Meta’s components as JSON text, exactly as Meta sends them.' }) components!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why campaigns cannot use it yet: CAROUSEL, CATALOG, FLOW, LIMITED_TIME_OFFER, LOCATION (a location header), PRODUCT (a single product), AUTHENTICATION (a one-time code) or OTHER (a part the portal does not fill); null when supported.',
  })
  unsupported!: string | null;
  @Field() syncedAt!: Date;
}

@ObjectType()
export class TemplateEdge {
  @Field() cursor!: string;
  @Field(() => TemplateView) node!: TemplateView;
}

@ObjectType({ description: 'A page of the local templates, by name and language.' })
export class TemplateConnection {
  @Field(() => [TemplateEdge]) edges!: TemplateEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Every template the filter holds (a few hundred per WABA at most).' })
  totalCount!: number;
  @Field(() => Date, { nullable: true, description: 'When the templates were last synced from Meta.' })
  lastSyncedAt!: Date | null;
}
