import type { BadgeTone } from '../ui/badge';
import type { Segment } from '../templates/template-preview';

export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'RUNNING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MESSAGE_STATUSES = [
  'QUEUED',
  'SENDING',
  'SENT',
  'DELIVERED',
  'READ',
  'FAILED',
  'SKIPPED',
  'UNKNOWN',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const VARIABLE_SOURCES = ['NAME', 'PHONE', 'ATTRIBUTE', 'TEXT'] as const;
export type VariableSource = (typeof VARIABLE_SOURCES)[number];

export const AUDIENCE_KINDS = ['ALL', 'TAGS', 'SEGMENT'] as const;

export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** Who a retarget may reach again: the failed, the sent but never delivered, the delivered but never read, unknown. */
export const RETARGET_STATUSES = ['FAILED', 'SENT', 'DELIVERED', 'UNKNOWN'] as const;

export function campaignTone(status: string): BadgeTone {
  if (status === 'COMPLETED') return 'success';
  if (status === 'RUNNING' || status === 'SCHEDULED') return 'info';
  if (status === 'PAUSED') return 'warning';
  if (status === 'FAILED' || status === 'CANCELLED') return 'danger';
  return 'neutral';
}

export function messageTone(status: string): BadgeTone {
  if (status === 'DELIVERED' || status === 'READ') return 'success';
  if (status === 'SENT' || status === 'SENDING' || status === 'QUEUED') return 'info';
  if (status === 'FAILED') return 'danger';
  if (status === 'UNKNOWN') return 'warning';
  return 'neutral';
}

export function isStatus<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return list.some((item) => item === value);
}

/** Editable while nothing has been sent: a draft, or a scheduled campaign before its time. */
export const editable = (status: string) => status === 'DRAFT' || status === 'SCHEDULED';

interface Counts {
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  unknown: number;
}

/** Recipients that have an outcome (whatever it is) out of all; 100 only once the campaign says COMPLETED. */
export function campaignPercent(status: string, counts: Counts): number {
  if (status === 'COMPLETED') return 100;
  if (counts.total <= 0) return 0;
  const done = counts.sent + counts.delivered + counts.read + counts.failed + counts.skipped + counts.unknown;
  return Math.min(99, Math.floor((done / counts.total) * 100));
}

/** Reached at least `delivered`: delivered or read (a read message was delivered). */
export const deliveredOrRead = (counts: Counts) => counts.delivered + counts.read;

export interface VariableMapping {
  parameter: string;
  source: string;
  value: string | null;
  fallback: string | null;
}

export interface SampleContact {
  name: string | null;
  phone: string;
  attributes: { key: string; value: string }[];
}

/** What one parameter becomes for this contact, as the dispatcher fills it (empty values take the fallback). */
export function sampleValue(mapping: VariableMapping | undefined, contact: SampleContact | null): string | null {
  if (!mapping) return null;
  const raw =
    mapping.source === 'TEXT'
      ? mapping.value
      : !contact
        ? null
        : mapping.source === 'NAME'
          ? contact.name
          : mapping.source === 'PHONE'
            ? contact.phone
            : (contact.attributes.find((attribute) => attribute.key === mapping.value)?.value ?? null);
  return raw && raw.trim() !== '' ? raw : (mapping.fallback ?? null);
}

/** The template's pieces with each parameter replaced by the sample contact's value (when it has one). */
export function fillSegments(pieces: Segment[], mappings: VariableMapping[], contact: SampleContact | null): Segment[] {
  return pieces.map((piece) => {
    if (piece.kind === 'text') return piece;
    const value = sampleValue(
      mappings.find((mapping) => mapping.parameter === piece.name),
      contact,
    );
    return value === null ? piece : { kind: 'text', text: value };
  });
}
