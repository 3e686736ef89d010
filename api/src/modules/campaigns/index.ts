/** The campaigns module's public face: campaigns, their launch and life, and the dispatcher. */
export {
  campaignsModule,
  CAMPAIGNS_TICK_JOB,
  COMPACT_TALLIES_JOB,
  REFUND_UNANSWERED_JOB,
  DISPATCH_JOB,
  type CampaignsServices,
} from './campaigns.module';
export { MessageStatisticsService, summarize } from './message-statistics.service';
export { CampaignsService } from './campaigns.service';
export { LaunchService, type Estimate } from './launch.service';
export { DispatchService } from './dispatch/dispatch.service';
export { CloudApiMessenger, type Messenger, type SendOutcome } from './dispatch/messenger';
export { actionFor, CircuitBreaker, RETRYABLE_CODES } from './dispatch/error-policy';
export { Campaign, CampaignMessage } from './campaign.entity';
export { CampaignStatus, MessageStatus, AudienceKind, VariableSource } from './campaign-types';
