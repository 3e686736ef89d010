import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { isUuid } from '../../core/ids';
import { rupiah, type Rupiah } from '../../core/money';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { Channel, MessageTemplate } from '../channels';
import { Segment } from '../contacts';
import {
  Permission,
  Workspace,
  type AuditAction,
  type AuditService,
  type RequestMeta,
  type WorkspaceIdentity,
} from '../identity';
import { NotificationType, type NotificationsService } from '../notifications';
import { Campaign } from './campaign.entity';
import {
  AudienceKind,
  CampaignStatus,
  HeaderMediaSource,
  type HeaderMediaValue,
  MessageStatus,
  VariableSource,
  type AudienceValue,
  type PauseReason,
  type VariableValue,
} from './campaign-types';
import { PAGE_MESSAGES, type MessagePageRow } from './campaigns.sql';
import { CAMPAIGN_TALLY } from './message-tallies.sql';
import { parseTimeOfDay } from './send-window';
import { CampaignMediaFile } from './media/media-file.entity';
import { cleanFileName } from './media/media.service';
import { formatOf } from './media/media-limits';
import {
  buttonParameters,
  headerMediaFormat,
  MAX_COUPON_CODE_LENGTH,
  missingParameters,
  type TemplateShape,
} from './template-parameters';

export interface DraftInput {
  name?: string | null;
  channelId?: string | null;
  templateId?: string | null;
  variables?: VariableValue[] | null;
  audience?: AudienceValue | null;
  /** `08:00` and `20:00` in the workspace's time zone; both or neither. */
  windowStart?: string | null;
  windowEnd?: string | null;
  /** Clear the send window. */
  clearWindow?: boolean | null;
  headerMedia?: {
    source: HeaderMediaSource;
    link?: string | null;
    fileId?: string | null;
    fileName?: string | null;
  } | null;
  clearHeaderMedia?: boolean | null;
}

export type MessageCounts = Record<Lowercase<MessageStatus>, number> & { total: number };

/** Who changed a campaign, for the audit log: a member or a script with a token, and the request. */
export interface CampaignActor {
  identity: WorkspaceIdentity;
  meta: RequestMeta;
}

/** A campaign leaving RUNNING or SCHEDULED without finishing: paused with a reason, or FAILED with one. */
export type CampaignStop = { status: CampaignStatus.PAUSED | CampaignStatus.FAILED; reason: PauseReason };

const EDITABLE = new Set([CampaignStatus.DRAFT, CampaignStatus.SCHEDULED]);
const MAX_TAGS = 20;

function invalid(field: string, key: string): AppError {
  return new AppError('BAD_USER_INPUT', 'errors.validation', {}, { [field]: key });
}

/** Drafts and reads of campaigns: everything before launch, and what a reader sees after. */
export class CampaignsService {
  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The one place a campaign's stop is told to its senders (members holding CAMPAIGNS_SEND), translated
   * by its reason, once per transition: callers call it only when their own locked write (or set-based
   * update) moved the campaign out of RUNNING or SCHEDULED. A member's own pause tells no one (it is in
   * the audit log).
   */
  async announceStop(
    tx: EntityManager,
    workspaceId: string,
    campaign: { id: string; name: string },
    stop: CampaignStop,
  ): Promise<void> {
    if (stop.reason === 'BY_USER') return;
    await this.notifications.notify(
      tx,
      workspaceId,
      stop.status === CampaignStatus.FAILED ? NotificationType.CAMPAIGN_FAILED : NotificationType.CAMPAIGN_PAUSED,
      { campaignId: campaign.id, name: campaign.name, reason: stop.reason },
      { permission: Permission.CAMPAIGNS_SEND },
    );
  }

  /**
   * A campaign's completion told to its senders (CAMPAIGNS_SEND) with how many messages Meta accepted; called by the
   * transaction whose locked update moved it from RUNNING to COMPLETED, so once per campaign.
   */
  async announceCompleted(
    tx: EntityManager,
    workspaceId: string,
    campaign: { id: string; name: string; sent: number },
  ): Promise<void> {
    await this.notifications.notify(
      tx,
      workspaceId,
      NotificationType.CAMPAIGN_COMPLETED,
      { campaignId: campaign.id, name: campaign.name, sent: campaign.sent },
      { permission: Permission.CAMPAIGNS_SEND },
    );
  }

  /** Records a member's (or token's) change of a campaign, after it committed: the campaign by its name. */
  async recordChange(
    em: EntityManager,
    by: CampaignActor | undefined,
    action: AuditAction,
    campaign: { name: string },
    details?: Record<string, unknown>,
  ): Promise<void> {
    if (!by) return;
    await this.audit.recordBy(em, by.identity, by.meta, { action, target: campaign.name, details });
  }

  async create(
    em: EntityManager,
    workspaceId: string,
    userId: string | null,
    input: DraftInput,
    by?: CampaignActor,
  ): Promise<Campaign> {
    const name = input.name?.trim();
    if (!name) throw invalid('name', 'campaigns.nameRequired');
    const workspace = await em.findOneOrFail(Workspace, { id: workspaceId });
    const campaign = em.create(Campaign, {
      workspace,
      name,
      audience: { kind: AudienceKind.ALL },
      timeZone: workspace.timeZone,
      createdBy: userId,
    });
    await this.apply(em, workspaceId, campaign, input);
    await em.flush();
    await this.recordChange(em, by, 'campaign.created', campaign);
    return campaign;
  }

  async update(
    em: EntityManager,
    workspaceId: string,
    id: string,
    input: DraftInput,
    by?: CampaignActor,
  ): Promise<Campaign> {
    await this.get(em, workspaceId, id);
    // Under the row lock the launch takes too: an edit never lands on a campaign its start time just launched.
    const campaign = await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
      const locked = await tx.findOneOrFail(
        Campaign,
        { workspace: workspaceId, id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!EDITABLE.has(locked.status)) {
        throw new AppError('CONFLICT', 'campaigns.notEditable', { status: locked.status });
      }
      if (input.name !== undefined && input.name !== null) {
        const name = input.name.trim();
        if (!name) throw invalid('name', 'campaigns.nameRequired');
        locked.name = name;
      }
      await this.apply(tx, workspaceId, locked, input);
      await tx.flush();
      return locked;
    });
    await this.recordChange(em, by, 'campaign.updated', campaign);
    return campaign;
  }

  async get(em: EntityManager, workspaceId: string, id: string): Promise<Campaign> {
    const campaign = isUuid(id) ? await em.findOne(Campaign, { workspace: workspaceId, id }) : null;
    if (!campaign) throw new AppError('NOT_FOUND', 'campaigns.notFound');
    return campaign;
  }

  async page(
    em: EntityManager,
    workspaceId: string,
    options: { statuses?: CampaignStatus[] | null; after?: string | null; limit: number },
  ): Promise<{ items: Campaign[]; hasNextPage: boolean }> {
    if (options.after && !isUuid(options.after)) throw invalid('after', 'validation.cursor');
    const items = await em.find(
      Campaign,
      {
        workspace: workspaceId,
        ...(options.statuses?.length ? { status: { $in: options.statuses } } : {}),
        ...(options.after ? { id: { $lt: options.after } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: options.limit + 1 },
    );
    return { items: items.slice(0, options.limit), hasNextPage: items.length > options.limit };
  }

  /**
   * A campaign's messages by status and what it has charged (refunds deducted), from the tallies the
   * `campaign_message` triggers keep: a few rows per campaign, not a pass over its messages.
   */
  async tally(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
  ): Promise<{ counts: MessageCounts; cost: Rupiah }> {
    const counts = {
      total: 0,
      queued: 0,
      sending: 0,
      sent: 0,
      delivered: 0,
      read: 0,
      failed: 0,
      skipped: 0,
      unknown: 0,
    } as MessageCounts;
    let cost = 0n;
    for (const row of await query(em, CAMPAIGN_TALLY, [workspaceId, campaignId])) {
      counts[row.status.toLowerCase() as Lowercase<MessageStatus>] = row.count;
      counts.total += row.count;
      cost += BigInt(row.charged);
    }
    return { counts, cost: rupiah(cost) };
  }

  async counts(em: EntityManager, workspaceId: string, campaignId: string): Promise<MessageCounts> {
    return (await this.tally(em, workspaceId, campaignId)).counts;
  }

  async messages(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
    options: { status?: MessageStatus | null; errorCode?: number | null; after?: string | null; limit: number },
  ): Promise<{ items: MessagePageRow[]; hasNextPage: boolean }> {
    await this.get(em, workspaceId, campaignId);
    if (options.after && !isUuid(options.after)) throw invalid('after', 'validation.cursor');
    const rows = await query(em, PAGE_MESSAGES, [
      workspaceId,
      campaignId,
      options.status ?? null,
      options.errorCode ?? null,
      options.after ?? null,
      options.limit + 1,
    ]);
    return { items: rows.slice(0, options.limit), hasNextPage: rows.length > options.limit };
  }

  /** The channel and template of a campaign, checked: the template must belong to the channel's WABA. */
  async channelAndTemplate(em: EntityManager, workspaceId: string, campaign: Campaign) {
    const channel = campaign.channelId
      ? await em.findOne(Channel, { workspace: workspaceId, id: campaign.channelId })
      : null;
    if (!channel) throw invalid('channelId', 'campaigns.channelRequired');
    const template = campaign.templateId
      ? await em.findOne(MessageTemplate, { workspace: workspaceId, id: campaign.templateId })
      : null;
    if (!template) throw invalid('templateId', 'campaigns.templateRequired');
    if (template.wabaId !== channel.wabaId) throw invalid('templateId', 'campaigns.templateOtherWaba');
    return { channel, template };
  }

  private async apply(em: EntityManager, workspaceId: string, campaign: Campaign, input: DraftInput): Promise<void> {
    if (input.channelId !== undefined && input.channelId !== null) {
      const channel = isUuid(input.channelId)
        ? await em.findOne(Channel, { workspace: workspaceId, id: input.channelId })
        : null;
      if (!channel) throw invalid('channelId', 'campaigns.channelNotFound');
      campaign.channelId = channel.id;
    }
    if (input.templateId !== undefined && input.templateId !== null) {
      const template = isUuid(input.templateId)
        ? await em.findOne(MessageTemplate, { workspace: workspaceId, id: input.templateId })
        : null;
      if (!template) throw invalid('templateId', 'campaigns.templateNotFound');
      if (template.unsupported) throw invalid('templateId', 'campaigns.templateUnsupported');
      campaign.templateId = template.id;
      campaign.templateName = template.name;
      campaign.templateLanguage = template.language;
      campaign.templateCategory = template.category;
      // Media chosen for an earlier template's header means nothing to one without a media header.
      if (!headerMediaFormat(template)) campaign.headerMedia = null;
    }
    if (campaign.channelId && campaign.templateId) await this.channelAndTemplate(em, workspaceId, campaign);
    if (input.variables) campaign.variables = this.checkVariables(input.variables);
    if (input.clearHeaderMedia) campaign.headerMedia = null;
    else if (input.headerMedia) {
      campaign.headerMedia = await this.checkHeaderMedia(em, workspaceId, input.headerMedia);
      const template = campaign.templateId
        ? await em.findOne(MessageTemplate, { workspace: workspaceId, id: campaign.templateId })
        : null;
      if (template) assertMediaFits(template, campaign.headerMedia);
    }
    if (input.audience) {
      if (campaign.audience.kind === AudienceKind.RETARGET)
        throw invalid('audience', 'campaigns.retargetAudienceFixed');
      campaign.audience = await this.checkAudience(em, workspaceId, input.audience);
    }
    if (input.clearWindow) {
      campaign.windowStart = null;
      campaign.windowEnd = null;
    } else if (input.windowStart != null || input.windowEnd != null) {
      const start = parseTimeOfDay(input.windowStart ?? '');
      const end = parseTimeOfDay(input.windowEnd ?? '');
      if (start === null || start === 1440) throw invalid('windowStart', 'campaigns.timeOfDay');
      if (end === null || end === 0) throw invalid('windowEnd', 'campaigns.timeOfDay');
      if (start === end) throw invalid('windowEnd', 'campaigns.windowEmpty');
      campaign.windowStart = start;
      campaign.windowEnd = end;
    }
  }

  /** A link must be a full https URL (WHATWG parsing); an upload must be a file of this workspace. */
  private async checkHeaderMedia(
    em: EntityManager,
    workspaceId: string,
    media: NonNullable<DraftInput['headerMedia']>,
  ): Promise<HeaderMediaValue> {
    const field = 'headerMedia';
    if (media.source === HeaderMediaSource.LINK) {
      if (!media.link || media.fileId) throw invalid(field, 'campaigns.media.sourceInvalid');
      let url: URL | null = null;
      try {
        url = new URL(media.link.trim());
      } catch {
        url = null;
      }
      if (!url || url.protocol !== 'https:' || !url.hostname)
        throw invalid('headerMedia.link', 'campaigns.media.httpsOnly');
      const fileName = media.fileName?.trim() ? cleanFileName(media.fileName) : null;
      return { source: 'LINK', link: url.toString(), fileName };
    }
    if (!media.fileId || media.link) throw invalid(field, 'campaigns.media.sourceInvalid');
    const file = isUuid(media.fileId)
      ? await em.findOne(CampaignMediaFile, { workspace: workspaceId, id: media.fileId })
      : null;
    if (!file) throw invalid('headerMedia.fileId', 'campaigns.media.notFound');
    return { source: 'UPLOAD', fileId: file.id, fileName: file.fileName, mimeType: file.mimeType };
  }

  private checkVariables(variables: VariableValue[]): VariableValue[] {
    const seen = new Set<string>();
    return variables.map((variable, index) => {
      const parameter = variable.parameter.trim();
      if (!/^[a-z0-9_]{1,60}$/.test(parameter))
        throw invalid(`variables.${index}.parameter`, 'campaigns.parameterName');
      if (seen.has(parameter)) throw invalid(`variables.${index}.parameter`, 'campaigns.parameterTwice');
      seen.add(parameter);
      const value = variable.value?.trim() || null;
      if ((variable.source === VariableSource.ATTRIBUTE || variable.source === VariableSource.TEXT) && !value) {
        throw invalid(`variables.${index}.value`, 'campaigns.variableValueRequired');
      }
      return { parameter, source: variable.source, value, fallback: variable.fallback?.trim() || null };
    });
  }

  private async checkAudience(em: EntityManager, workspaceId: string, audience: AudienceValue): Promise<AudienceValue> {
    switch (audience.kind) {
      case AudienceKind.ALL:
        return { kind: AudienceKind.ALL };
      case AudienceKind.TAGS: {
        const tags = [...new Set((audience.tags ?? []).map((tag) => tag.normalize('NFC').trim()).filter(Boolean))];
        if (tags.length === 0 || tags.length > MAX_TAGS) throw invalid('audience.tags', 'campaigns.tagsRequired');
        return { kind: AudienceKind.TAGS, tags };
      }
      case AudienceKind.SEGMENT: {
        const segment =
          audience.segmentId && isUuid(audience.segmentId)
            ? await em.findOne(Segment, { workspace: workspaceId, id: audience.segmentId })
            : null;
        if (!segment) throw invalid('audience.segmentId', 'campaigns.segmentNotFound');
        return { kind: AudienceKind.SEGMENT, segmentId: segment.id };
      }
      case AudienceKind.RETARGET:
        // Only retargetCampaign builds this audience (from a finished campaign of the workspace).
        throw invalid('audience.kind', 'campaigns.retargetByAction');
    }
  }

  /**
   * A new draft from a finished campaign: its recipients with the chosen statuses (FAILED,
   * SENT = undelivered, DELIVERED = unread, UNKNOWN only when asked). Suppressed contacts are
   * left out at launch as always.
   */
  async retarget(
    em: EntityManager,
    workspaceId: string,
    userId: string | null,
    id: string,
    input: { statuses: MessageStatus[]; name?: string | null },
    by?: CampaignActor,
  ): Promise<Campaign> {
    const source = await this.get(em, workspaceId, id);
    if (![CampaignStatus.COMPLETED, CampaignStatus.CANCELLED, CampaignStatus.FAILED].includes(source.status)) {
      throw new AppError('CONFLICT', 'campaigns.retargetUnfinished', { status: source.status });
    }
    const allowed = [MessageStatus.FAILED, MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.UNKNOWN];
    const statuses = [...new Set(input.statuses)];
    if (statuses.length === 0 || statuses.some((status) => !allowed.includes(status))) {
      throw invalid('statuses', 'campaigns.retargetStatuses');
    }
    const workspace = await em.findOneOrFail(Workspace, { id: workspaceId });
    const campaign = em.create(Campaign, {
      workspace,
      name: input.name?.trim() || source.name,
      audience: { kind: AudienceKind.RETARGET, campaignId: source.id, statuses },
      timeZone: source.timeZone,
      channelId: source.channelId,
      templateId: source.templateId,
      templateName: source.templateName,
      templateLanguage: source.templateLanguage,
      templateCategory: source.templateCategory,
      variables: source.variables,
      // The same header media: a link as it was, an upload by its file (Meta's id is checked again at launch).
      headerMedia: source.headerMedia ?? null,
      windowStart: source.windowStart,
      windowEnd: source.windowEnd,
      retargetOf: source.id,
      createdBy: userId,
    });
    await em.flush();
    await this.recordChange(em, by, 'campaign.retargeted', campaign, { statuses });
    return campaign;
  }

  /**
   * What a launch needs of the mapping: every template parameter mapped (URL-button suffixes and coupon codes too),
   * a fixed coupon within Meta's length, and the media of a media header, of the header's kind.
   */
  assertMapped(template: MessageTemplate, campaign: Campaign): void {
    if (headerMediaFormat(template) && !campaign.headerMedia) {
      throw invalid('headerMedia', 'campaigns.media.required');
    }
    assertMediaFits(template, campaign.headerMedia);
    for (const button of buttonParameters(template)) {
      if (button.kind !== 'COPY_CODE') continue;
      const variable = campaign.variables.find((candidate) => candidate.parameter === button.parameter);
      const fixed = [variable?.source === VariableSource.TEXT ? variable.value : null, variable?.fallback];
      if (fixed.some((text) => (text?.length ?? 0) > MAX_COUPON_CODE_LENGTH)) {
        throw new AppError(
          'BAD_USER_INPUT',
          'campaigns.buttons.couponTooLong',
          { max: MAX_COUPON_CODE_LENGTH },
          { variables: 'campaigns.buttons.couponTooLong' },
          { variables: { max: MAX_COUPON_CODE_LENGTH } },
        );
      }
    }
    const missing = missingParameters(template, campaign.variables);
    if (missing.length > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        'campaigns.parametersMissing',
        { parameters: missing.join(', ') },
        { variables: 'campaigns.parametersMissing' },
        { variables: { parameters: missing.join(', ') } },
      );
    }
  }

  now(): Date {
    return this.clock.now();
  }
}

/** An uploaded file must be of the header's kind (a PDF cannot fill an IMAGE header); a link is Meta's to check. */
function assertMediaFits(template: TemplateShape, media: HeaderMediaValue | null | undefined): void {
  if (!media) return;
  const format = headerMediaFormat(template);
  if (!format) throw invalid('headerMedia', 'campaigns.media.notNeeded');
  const actual = media.source === 'UPLOAD' && media.mimeType ? formatOf(media.mimeType) : null;
  if (actual && actual !== format) {
    throw new AppError(
      'BAD_USER_INPUT',
      'campaigns.media.formatMismatch',
      { format: format.toLowerCase(), actual: actual.toLowerCase() },
      { headerMedia: 'campaigns.media.formatMismatch' },
    );
  }
}
