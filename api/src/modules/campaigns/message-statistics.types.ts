import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { Rupiah } from '../../core/money';
import { RupiahScalar } from '../../graphql/scalars';
import { WorkspaceTimeZone } from '../identity';
import { MAX_STATISTICS_DAYS } from './message-statistics.service';

@ObjectType({
  description:
    'Campaign messages over a period, each event on its own day: sent when Meta accepted it, delivered and read when ' +
    'their statuses came, failed when it failed; spend is what the messages sent in it were charged, refunds deducted.',
})
export class MessagePeriodStatistics {
  @Field(() => Int) sent!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) read!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Float, { nullable: true, description: 'delivered / sent, 0 to 1; null when nothing was sent.' })
  deliveryRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'read / delivered, 0 to 1; null when nothing was delivered.' })
  readRate!: number | null;
  @Field(() => RupiahScalar) spend!: Rupiah;
}

@ObjectType({ description: 'One day of campaign messages in the workspace’s time zone.' })
export class MessageDayStatistics {
  @Field({ description: 'The day in the workspace’s time zone, `YYYY-MM-DD`.' }) day!: string;
  @Field(() => Int) sent!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) read!: number;
  @Field(() => Int) failed!: number;
  @Field(() => RupiahScalar) spend!: Rupiah;
}

@ObjectType({ description: 'The workspace’s campaign messages today, over 7 and 30 days, and per day.' })
export class MessageStatistics {
  @Field(() => WorkspaceTimeZone, { description: 'The zone whose days these are (the workspace’s).' })
  timeZone!: WorkspaceTimeZone;
  @Field(() => MessagePeriodStatistics, { description: 'Since midnight in the workspace’s time zone.' })
  today!: MessagePeriodStatistics;
  @Field(() => MessagePeriodStatistics, { description: 'Today and the 6 days before it.' })
  last7Days!: MessagePeriodStatistics;
  @Field(() => MessagePeriodStatistics, { description: 'Today and the 29 days before it.' })
  last30Days!: MessagePeriodStatistics;
  /** The workspace and the 30 days the summary was made of (the daily field resolver slices them, or reads more). */
  workspaceId!: string;
  days30!: MessageDayStatistics[];
}

@ArgsType()
export class MessageDailyArgs {
  @Field(() => Int, { defaultValue: 30, description: `How many days, 1 to ${MAX_STATISTICS_DAYS}, today last.` })
  @Min(1)
  @Max(MAX_STATISTICS_DAYS)
  days!: number;
}
