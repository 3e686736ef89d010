import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { translate, type Language } from '../../core/messages';
import { rupiah } from '../../core/money';
import { Requires } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, type WorkspaceIdentity } from '../identity';
import type { Campaign } from './campaign.entity';
import { MessageStatus, type HeaderMediaSource } from './campaign-types';
import { CampaignsService, type CampaignActor } from './campaigns.service';
import {
  CampaignDraftInput,
  CampaignEstimate,
  CampaignIdArgs,
  CampaignMessagePage,
  CampaignMessagesArgs,
  CampaignPage,
  CampaignsArgs,
  CampaignView,
  RetargetInput,
  ScheduleCampaignArgs,
  SendTestMessageArgs,
  StartCampaignArgs,
  TestSendResult,
} from './campaigns.types';
import { LaunchService } from './launch.service';
import { formatTimeOfDay } from './send-window';
import { TestSendService } from './test-send.service';

const by = (identity: WorkspaceIdentity, ctx: GraphQLContext): CampaignActor => ({ identity, meta: ctx.meta });

/** Campaigns: drafts, estimates, launch and life, and their recipients. Thin: the services decide. */

/** A raw row's timestamp (text) as a Date, keeping null. */
const timestamp = (value: string | null): Date | null => (value === null ? null : new Date(value));

@Resolver()
export class CampaignsResolver {
  constructor(
    private readonly service: CampaignsService,
    private readonly launch: LaunchService,
    private readonly testSend: TestSendService,
  ) {}

  private async view(em: EntityManager, campaign: Campaign, language: Language): Promise<CampaignView> {
    const workspaceId = campaign.workspace.id;
    return {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      pauseReason: campaign.pauseReason ?? null,
      pauseReasonText: campaign.pauseReason
        ? translate(language, `campaigns.pauseReason.${campaign.pauseReason}`)
        : null,
      failReason: campaign.failReason ?? null,
      channelId: campaign.channelId ?? null,
      templateId: campaign.templateId ?? null,
      templateName: campaign.templateName ?? null,
      templateLanguage: campaign.templateLanguage ?? null,
      templateCategory: campaign.templateCategory ?? null,
      variables: campaign.variables.map((variable) => ({
        parameter: variable.parameter,
        source: variable.source,
        value: variable.value ?? null,
        fallback: variable.fallback ?? null,
      })),
      audience: {
        kind: campaign.audience.kind,
        tags: campaign.audience.tags ?? [],
        segmentId: campaign.audience.segmentId ?? null,
      },
      headerMedia: campaign.headerMedia
        ? {
            source: campaign.headerMedia.source as HeaderMediaSource,
            link: campaign.headerMedia.link ?? null,
            fileId: campaign.headerMedia.fileId ?? null,
            fileName: campaign.headerMedia.fileName ?? null,
            mimeType: campaign.headerMedia.mimeType ?? null,
          }
        : null,
      scheduledAt: campaign.scheduledAt ?? null,
      windowStart: campaign.windowStart == null ? null : formatTimeOfDay(campaign.windowStart),
      windowEnd: campaign.windowEnd == null ? null : formatTimeOfDay(campaign.windowEnd),
      timeZone: campaign.timeZone,
      price: campaign.price ?? null,
      ...(await this.service.tally(em, workspaceId, campaign.id)),
      retargetOf: campaign.retargetOf ?? null,
      startedAt: campaign.startedAt ?? null,
      completedAt: campaign.completedAt ?? null,
      createdAt: campaign.createdAt,
    };
  }

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignPage, { description: 'The workspace’s campaigns, newest first.', complexity: listCost('first') })
  async campaigns(
    @Args() { filter, first, after }: CampaignsArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignPage> {
    const page = await this.service.page(ctx.em, caller.workspaceId, {
      statuses: filter?.statuses,
      after,
      limit: first,
    });
    const items = await Promise.all(page.items.map((campaign) => this.view(ctx.em, campaign, ctx.language)));
    return { items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: items.at(-1)?.id ?? null } };
  }

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignView)
  async campaign(
    @Args() { id }: CampaignIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(ctx.em, await this.service.get(ctx.em, caller.workspaceId, id), ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignMessagePage, {
    description: 'A campaign’s recipients, optionally one status and one error code.',
    complexity: listCost('first'),
  })
  async campaignMessages(
    @Args() { campaignId, status, errorCode, first, after }: CampaignMessagesArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignMessagePage> {
    const page = await this.service.messages(ctx.em, caller.workspaceId, campaignId, {
      status,
      errorCode,
      after,
      limit: first,
    });
    const items = page.items.map((row) => ({
      id: row.id,
      contactId: row.contact_id,
      phone: row.phone,
      status: row.status as MessageStatus,
      attempt: row.attempt,
      wamid: row.wamid,
      errorCode: row.error_code,
      charged: rupiah(row.charged),
      sentAt: timestamp(row.sent_at),
      deliveredAt: timestamp(row.delivered_at),
      readAt: timestamp(row.read_at),
      failedAt: timestamp(row.failed_at),
      updatedAt: new Date(row.updated_at),
    }));
    return { items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: items.at(-1)?.id ?? null } };
  }

  @Requires(Permission.CAMPAIGNS_WRITE)
  @Mutation(() => CampaignView, { description: 'A new draft.' })
  async createCampaign(
    @Arg('input') input: CampaignDraftInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    const campaign = await this.service.create(
      ctx.em,
      caller.workspaceId,
      caller.userId ?? null,
      input,
      by(caller, ctx),
    );
    return this.view(ctx.em, campaign, ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_WRITE)
  @Mutation(() => CampaignView, { description: 'Changes a draft or a scheduled campaign.' })
  async updateCampaign(
    @Args() { id }: CampaignIdArgs,
    @Arg('input') input: CampaignDraftInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(
      ctx.em,
      await this.service.update(ctx.em, caller.workspaceId, id, input, by(caller, ctx)),
      ctx.language,
    );
  }

  @Requires(Permission.CAMPAIGNS_READ)
  @Query(() => CampaignEstimate, {
    description: 'Recipients after suppression and invalid numbers, cost, balance and the messaging limit, now.',
  })
  estimateCampaign(
    @Args() { id }: CampaignIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignEstimate> {
    return this.launch.estimate(ctx.em, caller.workspaceId, id);
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => TestSendResult, {
    description: 'Sends the campaign’s message to one number (charged as one message).',
  })
  sendTestMessage(
    @Args() { id, phone }: SendTestMessageArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TestSendResult> {
    return this.testSend.send(ctx.em, caller.workspaceId, id, phone, by(caller, ctx));
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => CampaignView, { description: 'Launches now: snapshots the recipients and holds their cost.' })
  async startCampaign(
    @Args() { id, todayOnly }: StartCampaignArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    const campaign = await this.launch.start(ctx.em, caller.workspaceId, id, by(caller, ctx), { todayOnly });
    return this.view(ctx.em, campaign, ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => CampaignView, { description: 'Launches at a time (it can still be edited until then).' })
  async scheduleCampaign(
    @Args() { id, at }: ScheduleCampaignArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(
      ctx.em,
      await this.launch.schedule(ctx.em, caller.workspaceId, id, at, by(caller, ctx)),
      ctx.language,
    );
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => CampaignView, { description: 'Pauses; the hold stays.' })
  async pauseCampaign(
    @Args() { id }: CampaignIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(ctx.em, await this.launch.pause(ctx.em, caller.workspaceId, id, by(caller, ctx)), ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => CampaignView)
  async resumeCampaign(
    @Args() { id }: CampaignIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(ctx.em, await this.launch.resume(ctx.em, caller.workspaceId, id, by(caller, ctx)), ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_SEND)
  @Mutation(() => CampaignView, {
    description: 'Stops for good; what is not needed for messages still in flight is released.',
  })
  async cancelCampaign(
    @Args() { id }: CampaignIdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    return this.view(ctx.em, await this.launch.cancel(ctx.em, caller.workspaceId, id, by(caller, ctx)), ctx.language);
  }

  @Requires(Permission.CAMPAIGNS_WRITE)
  @Mutation(() => CampaignView, { description: 'A new draft for a finished campaign’s recipients of these statuses.' })
  async retargetCampaign(
    @Args() { id }: CampaignIdArgs,
    @Arg('input') input: RetargetInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CampaignView> {
    const campaign = await this.service.retarget(
      ctx.em,
      caller.workspaceId,
      caller.userId ?? null,
      id,
      input,
      by(caller, ctx),
    );
    return this.view(ctx.em, campaign, ctx.language);
  }
}
