import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../../core/app-error';
import type { Clock } from '../../../core/clock';
import { isUuid } from '../../../core/ids';
import type { Logger } from '../../../core/logger';
import { Workspace } from '../../identity';
import { inTransaction } from '../../../db/transaction';
import { Channel, channelToken, type TokenBox } from '../../channels';
import type { MediaFormat } from '../template-parameters';
import { CampaignMediaFile, CampaignMediaUpload } from './media-file.entity';
import { contentMatches, formatOf, HEADER_MEDIA_TYPES, MEDIA_ID_REUSE_MS } from './media-limits';
import type { MetaMediaGateway } from './meta-media';

/** What the API tells about a stored file (never its bytes). */
export interface MediaFileFacts {
  id: string;
  fileName: string;
  mimeType: string;
  format: MediaFormat;
  bytes: number;
  sha256: string;
  createdAt: Date;
}

const invalid = (field: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('BAD_USER_INPUT', key, params, { [field]: key }, { [field]: params });

/** Letters, digits, spaces, dots, dashes and underscores: the name a document is shown to recipients with. */
export function cleanFileName(raw: string): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/**
 * Files for campaigns' media headers: checked (type, size, content), stored once, and uploaded to Meta once per
 * phone number, reused for as long as Meta keeps the id (MEDIA_ID_REUSE_MS), re-uploaded after that or for another
 * number. The upload for a (file, number) runs under the file row's lock, so two launches at once upload once.
 */
export class CampaignMediaService {
  constructor(
    private readonly gateway: MetaMediaGateway,
    private readonly tokens: TokenBox,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Stores a file for the workspace and uploads it to Meta for `channelId` (the campaign's channel) right away, so
   * Meta's own refusal is seen while the user is still on the page. A channel of another workspace is NOT_FOUND.
   */
  async store(
    em: EntityManager,
    workspaceId: string,
    userId: string | null,
    input: { channelId: string; fileName: string; mimeType: string; content: Buffer },
  ): Promise<MediaFileFacts> {
    const channel = await this.channel(em, workspaceId, input.channelId);
    const format = formatOf(input.mimeType);
    if (!format) {
      throw invalid('file', 'campaigns.media.type', { type: input.mimeType });
    }
    const limit = HEADER_MEDIA_TYPES[format][input.mimeType]!;
    if (input.content.length === 0) throw invalid('file', 'campaigns.media.empty');
    if (input.content.length > limit) {
      throw invalid('file', 'campaigns.media.tooLarge', { megabytes: limit / (1024 * 1024) });
    }
    if (!contentMatches(input.mimeType, input.content)) {
      throw invalid('file', 'campaigns.media.contentMismatch', { type: input.mimeType });
    }
    const workspace = await em.findOneOrFail(Workspace, { id: workspaceId });
    const file = em.create(CampaignMediaFile, {
      workspace,
      fileName: cleanFileName(input.fileName),
      mimeType: input.mimeType,
      bytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdBy: userId,
    });
    await em.flush();
    try {
      await this.metaMediaId(em, workspaceId, file.id, channel);
    } catch (error) {
      // A file Meta will not take is of no use to any campaign: it is not kept.
      await em.nativeDelete(CampaignMediaFile, { workspace: workspaceId, id: file.id });
      throw error;
    }
    return facts(file);
  }

  /** The file's facts; NOT_FOUND for another workspace's or an unknown id. */
  async get(em: EntityManager, workspaceId: string, id: string): Promise<MediaFileFacts> {
    const file = isUuid(id) ? await em.findOne(CampaignMediaFile, { workspace: workspaceId, id }) : null;
    if (!file) throw new AppError('NOT_FOUND', 'campaigns.media.notFound');
    return facts(file);
  }

  /**
   * Meta's id of the file for the channel's phone number: the stored one while it is young enough to reuse, else
   * one new upload, stored, under the file row's lock (a second caller waits and then reuses it). Meta's refusal is
   * BAD_USER_INPUT with Meta's code (131053: Meta cannot take the file); Meta unreachable is SERVICE_UNAVAILABLE.
   */
  async metaMediaId(em: EntityManager, workspaceId: string, fileId: string, channel: Channel): Promise<string> {
    return inTransaction(em, { lockTimeoutMs: 30_000 }, async (tx) => {
      const file = await tx.findOne(
        CampaignMediaFile,
        { workspace: workspaceId, id: fileId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['content'] },
      );
      if (!file) throw invalid('headerMedia.fileId', 'campaigns.media.notFound');
      const now = this.clock.now();
      const existing = await tx.findOne(CampaignMediaUpload, {
        workspace: workspaceId,
        fileId,
        phoneNumberId: channel.phoneNumberId,
      });
      if (existing && now.getTime() - existing.uploadedAt.getTime() < MEDIA_ID_REUSE_MS) return existing.metaMediaId;
      const outcome = await this.gateway.upload(
        channelToken(this.tokens, channel.accessTokenSealed),
        channel.phoneNumberId,
        {
          fileName: file.fileName,
          mimeType: file.mimeType,
          content: file.content,
        },
      );
      if (!outcome.ok) {
        this.logger.warn({ code: outcome.code, fileId, channelId: channel.id }, 'Meta refused a media upload');
        if (outcome.code === null) throw new AppError('SERVICE_UNAVAILABLE', 'campaigns.media.metaUnavailable');
        throw invalid('file', 'campaigns.media.metaRefused', { code: outcome.code });
      }
      if (existing) {
        tx.assign(existing, { metaMediaId: outcome.id, uploadedAt: now });
      } else {
        tx.create(CampaignMediaUpload, {
          workspace: tx.getReference(Workspace, workspaceId),
          fileId,
          phoneNumberId: channel.phoneNumberId,
          metaMediaId: outcome.id,
          uploadedAt: now,
        });
      }
      await tx.flush();
      return outcome.id;
    });
  }

  private async channel(em: EntityManager, workspaceId: string, channelId: string): Promise<Channel> {
    const channel = isUuid(channelId) ? await em.findOne(Channel, { workspace: workspaceId, id: channelId }) : null;
    if (!channel) throw new AppError('NOT_FOUND', 'campaigns.media.channelNotFound');
    return channel;
  }
}

function facts(file: CampaignMediaFile): MediaFileFacts {
  return {
    id: file.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    format: formatOf(file.mimeType)!,
    bytes: file.bytes,
    sha256: file.sha256,
    createdAt: file.createdAt,
  };
}
