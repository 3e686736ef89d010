import { registerEnumType } from 'type-graphql';

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
registerEnumType(CampaignStatus, { name: 'CampaignStatus' });

export enum MessageStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  READ = 'READ',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(MessageStatus, { name: 'CampaignMessageStatus' });

/** How far a message has gone; statuses only move forward (a late `sent` never undoes `read`). */
export const MESSAGE_RANK: Record<MessageStatus, number> = {
  QUEUED: 0,
  SENDING: 0,
  UNKNOWN: 0,
  SKIPPED: 0,
  SENT: 1,
  DELIVERED: 2,
  FAILED: 2,
  READ: 3,
};

export enum AudienceKind {
  ALL = 'ALL',
  TAGS = 'TAGS',
  SEGMENT = 'SEGMENT',
  RETARGET = 'RETARGET',
}
registerEnumType(AudienceKind, {
  name: 'AudienceKind',
  description:
    'ALL contacts; contacts with every one of TAGS (an import’s tag too); a saved SEGMENT; RETARGET: recipients of an earlier campaign by their status.',
});

export enum VariableSource {
  NAME = 'NAME',
  PHONE = 'PHONE',
  ATTRIBUTE = 'ATTRIBUTE',
  TEXT = 'TEXT',
}
registerEnumType(VariableSource, {
  name: 'VariableSource',
  description: 'Where a template parameter’s value comes from: the contact’s name or phone, an attribute, fixed text.',
});

/** A campaign's audience as stored (plain JSON). */
export interface AudienceValue {
  kind: AudienceKind;
  tags?: string[] | null;
  segmentId?: string | null;
  /** RETARGET: the earlier campaign and the statuses of its recipients to reach again. */
  campaignId?: string;
  statuses?: string[];
}

/** One template parameter's mapping as stored (plain JSON). */
export interface VariableValue {
  /** The parameter: `first_name` (named templates) or `1` (positional). */
  parameter: string;
  source: VariableSource;
  /** The attribute key (ATTRIBUTE) or the text itself (TEXT). */
  value?: string | null;
  /** Sent when the contact's value is empty. */
  fallback?: string | null;
}

export enum HeaderMediaSource {
  LINK = 'LINK',
  UPLOAD = 'UPLOAD',
}
registerEnumType(HeaderMediaSource, {
  name: 'HeaderMediaSource',
  description: 'A media header’s file: an https LINK Meta downloads, or a file UPLOADed to the portal.',
});

/** The media of a template's IMAGE, VIDEO or DOCUMENT header, as stored on the campaign (plain JSON). */
export interface HeaderMediaValue {
  source: 'LINK' | 'UPLOAD';
  /** LINK: an https URL. */
  link?: string | null;
  /** UPLOAD: the portal's media file (`campaign_media_file`). */
  fileId?: string | null;
  /** The name a document is shown with (the uploaded file's name, or one given with a link). */
  fileName?: string | null;
  /** UPLOAD: the file's media type, copied from the file when it is chosen (the preview needs no lookup). */
  mimeType?: string | null;
  /** UPLOAD, set at launch and at resume: Meta's media id for the campaign's phone number. */
  metaMediaId?: string | null;
}

/** Why a campaign is paused, or FAILED (shown translated as `campaigns.pauseReason.<code>`). */
export const PAUSE_REASONS = [
  'BY_USER',
  'INSUFFICIENT_BALANCE',
  'WALLET_REVERSAL',
  'CIRCUIT_BREAKER',
  'TEMPLATE_PAUSED',
  'TEMPLATE_DISABLED',
  'TEMPLATE_MISSING',
  'QUALITY',
  'ACCOUNT',
  'TOKEN',
  'PAYMENT',
  'META_PAUSED',
  'MARKETING_API_ONLY',
  // A scheduled campaign's header media could not be uploaded to Meta at its start time.
  'MEDIA',
  // A FAILED reason: the campaign's channel was disconnected.
  'CHANNEL_DISCONNECTED',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
