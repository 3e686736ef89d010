import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Rupiah } from '../../core/money';
import { PageInfo } from '../../graphql/connections';
import { RupiahScalar } from '../../graphql/scalars';
import { AudienceKind, CampaignStatus, MessageStatus, VariableSource } from './campaign-types';
import { CampaignHeaderMediaInput, CampaignHeaderMediaView } from './media/media.types';

const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

@ObjectType({ description: 'Where one template parameter’s value comes from.' })
export class CampaignVariableView {
  @Field({ description: '`first_name` (named parameters) or `1` (positional).' }) parameter!: string;
  @Field(() => VariableSource) source!: VariableSource;
  @Field(() => String, { nullable: true, description: 'The attribute key (ATTRIBUTE) or the text (TEXT).' })
  value!: string | null;
  @Field(() => String, { nullable: true, description: 'Sent when the contact’s value is empty.' })
  fallback!: string | null;
}

@ObjectType()
export class CampaignAudienceView {
  @Field(() => AudienceKind) kind!: AudienceKind;
  @Field(() => [String]) tags!: string[];
  @Field(() => ID, { nullable: true }) segmentId!: string | null;
}

@ObjectType({ description: 'A campaign’s recipients by status.' })
export class CampaignCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) queued!: number;
  @Field(() => Int) sending!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) read!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int, { description: 'No definite answer from Meta yet (never resent; not charged unless confirmed).' })
  unknown!: number;
}

@ObjectType({ description: 'A broadcast of one template on one channel to an audience.' })
export class CampaignView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => CampaignStatus) status!: CampaignStatus;
  @Field(() => String, {
    nullable: true,
    description: 'Why it is paused: BY_USER, INSUFFICIENT_BALANCE, WALLET_REVERSAL, CIRCUIT_BREAKER, TEMPLATE_PAUSED…',
  })
  pauseReason!: string | null;
  @Field(() => String, { nullable: true, description: 'The translated pause reason.' }) pauseReasonText!: string | null;
  @Field(() => String, { nullable: true }) failReason!: string | null;
  @Field(() => ID, { nullable: true }) channelId!: string | null;
  @Field(() => ID, { nullable: true }) templateId!: string | null;
  @Field(() => String, { nullable: true }) templateName!: string | null;
  @Field(() => String, { nullable: true }) templateLanguage!: string | null;
  @Field(() => String, { nullable: true }) templateCategory!: string | null;
  @Field(() => [CampaignVariableView]) variables!: CampaignVariableView[];
  @Field(() => CampaignAudienceView) audience!: CampaignAudienceView;
  @Field(() => CampaignHeaderMediaView, { nullable: true, description: 'The media header’s file, when set.' })
  headerMedia!: CampaignHeaderMediaView | null;
  @Field(() => Date, { nullable: true }) scheduledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Daily send window start, `08:00`, in the time zone.' })
  windowStart!: string | null;
  @Field(() => String, { nullable: true, description: 'Daily send window end, `20:00`.' }) windowEnd!: string | null;
  @Field({ description: 'The workspace’s time zone when the campaign was created (IANA name).' }) timeZone!: string;
  @Field(() => RupiahScalar, { nullable: true, description: 'The price per message kept at launch.' })
  price!: Rupiah | null;
  @Field(() => CampaignCounts) counts!: CampaignCounts;
  @Field(() => RupiahScalar, { description: 'What the campaign has been charged so far (refunds deducted).' })
  cost!: Rupiah;
  @Field(() => ID, { nullable: true, description: 'The campaign this one retargets.' }) retargetOf!: string | null;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class CampaignPage {
  @Field(() => [CampaignView]) items!: CampaignView[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'One recipient of a campaign.' })
export class CampaignMessageView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'Null once the contact was erased.' }) contactId!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => MessageStatus) status!: MessageStatus;
  @Field(() => Int) attempt!: number;
  @Field(() => String, { nullable: true }) wamid!: string | null;
  @Field(() => Int, { nullable: true, description: 'Meta’s error code of the last failure.' })
  errorCode!: number | null;
  @Field(() => RupiahScalar) charged!: Rupiah;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Date, { nullable: true }) failedAt!: Date | null;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class CampaignMessagePage {
  @Field(() => [CampaignMessageView]) items!: CampaignMessageView[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'What a launch would send and cost now.' })
export class CampaignEstimate {
  @Field(() => Int, { description: 'Contacts the audience matches.' }) matched!: number;
  @Field(() => Int, { description: 'Excluded: opted out (and marketing opt-outs for a marketing template).' })
  suppressed!: number;
  @Field(() => Int, { description: 'Excluded: numbers WhatsApp cannot be sent to.' }) invalid!: number;
  @Field(() => Int, { description: 'Who would receive it (one message per contact).' }) recipients!: number;
  @Field({ description: 'The template’s category, which sets the price.' }) category!: string;
  @Field(() => RupiahScalar) price!: Rupiah;
  @Field(() => RupiahScalar, { description: 'recipients x price.' }) cost!: Rupiah;
  @Field(() => RupiahScalar) available!: Rupiah;
  @Field(() => RupiahScalar, { description: 'What is missing to launch (0 when the balance covers it).' })
  shortfall!: Rupiah;
  @Field(() => Int, { nullable: true, description: 'The portfolio’s unique recipients per 24 h; -1 unlimited.' })
  messagingLimit!: number | null;
  @Field(() => Int, { nullable: true, description: 'What the limit leaves in the current 24 h.' })
  limitRemainingToday!: number | null;
  @Field(() => Int, { description: 'Days the campaign spreads over at the limit (1: it fits today).' }) days!: number;
  @Field({ description: 'It would take longer than the configured days: consider sending today’s share only.' })
  exceedsSpread!: boolean;
}

@InputType()
export class CampaignVariableInput {
  @Field() @Matches(/^[a-z0-9_]{1,60}$/) parameter!: string;
  @Field(() => VariableSource) @IsEnum(VariableSource) source!: VariableSource;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 1000) value?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 1000) fallback?: string | null;
}

@InputType()
export class CampaignAudienceInput {
  @Field(() => AudienceKind) @IsEnum(AudienceKind) kind!: AudienceKind;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 60, { each: true })
  tags?: string[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') segmentId?: string | null;
}

@InputType()
export class CampaignDraftInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 120) name?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') channelId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') templateId?: string | null;
  @Field(() => [CampaignVariableInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  variables?: CampaignVariableInput[] | null;
  @Field(() => CampaignAudienceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  audience?: CampaignAudienceInput | null;
  @Field(() => CampaignHeaderMediaInput, {
    nullable: true,
    description: 'The media of an IMAGE/VIDEO/DOCUMENT header.',
  })
  @IsOptional()
  @ValidateNested()
  headerMedia?: CampaignHeaderMediaInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Removes the header media.' }) @IsOptional() clearHeaderMedia?:
    boolean | null;
  @Field(() => String, { nullable: true, description: '`08:00`: messages wait outside the daily window.' })
  @IsOptional()
  @Matches(TIME_OF_DAY)
  windowStart?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TIME_OF_DAY) windowEnd?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Removes the send window.' }) @IsOptional() clearWindow?:
    boolean | null;
}

@InputType()
export class CampaignsFilter {
  @Field(() => [CampaignStatus], { nullable: true }) @IsOptional() @ArrayMaxSize(7) statuses?: CampaignStatus[] | null;
}

@ArgsType()
export class CampaignsArgs {
  @Field(() => CampaignsFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: CampaignsFilter | null;
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(100) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID('all') after?: string | null;
}

@ArgsType()
export class CampaignIdArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
}

@ArgsType()
export class StartCampaignArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field({
    defaultValue: false,
    description:
      'Only as many recipients as the portfolio’s messaging limit leaves today (the estimate’s offer when `exceedsSpread`).',
  })
  todayOnly!: boolean;
}

@ArgsType()
export class CampaignMessagesArgs {
  @Field(() => ID) @IsUUID('all') campaignId!: string;
  @Field(() => MessageStatus, { nullable: true }) @IsOptional() status?: MessageStatus | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() errorCode?: number | null;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(200) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID('all') after?: string | null;
}

@ArgsType()
export class ScheduleCampaignArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field({ description: 'When to start (an instant; shown in the workspace’s time zone).' }) at!: Date;
}

@ArgsType()
export class SendTestMessageArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field({ description: 'The number to send one message to, e.g. 0812-3456-7890 or +62 812 3456 7890.' })
  @Length(4, 30)
  phone!: string;
}

@ObjectType({ description: 'The answer to a test send.' })
export class TestSendResult {
  @Field({ description: 'SENT (Meta accepted it), FAILED (Meta refused it) or UNKNOWN.' }) status!: string;
  @Field(() => String, { nullable: true }) wamid!: string | null;
  @Field(() => Int, { nullable: true }) errorCode!: number | null;
}

@InputType()
export class RetargetInput {
  @Field(() => [MessageStatus], {
    description: 'Whose recipients to send again: FAILED, SENT (undelivered), DELIVERED (unread), UNKNOWN.',
  })
  @ArrayMaxSize(4)
  statuses!: MessageStatus[];
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 120) name?: string | null;
}
