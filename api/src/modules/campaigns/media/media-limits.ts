import type { MediaFormat } from '../template-parameters';

/**
 * What a template's media header may carry, by the header's format: Meta's supported media types and sizes for
 * the Cloud API (the "Supported media types" table of the media reference; docs/TEMPLATE-MEDIA.md copies it). A
 * template header takes only these: images JPEG or PNG up to 5 MB, videos MP4 or 3GPP (H.264 video, AAC audio) up
 * to 16 MB, documents as PDF up to 100 MB. Change a limit here when Meta does; the simulator's own table
 * (simulators/meta/media-upload.ts) stays Meta's and is not read from here.
 */
export const HEADER_MEDIA_TYPES: Readonly<Record<MediaFormat, Readonly<Record<string, number>>>> = {
  IMAGE: { 'image/jpeg': 5 * 1024 * 1024, 'image/png': 5 * 1024 * 1024 },
  VIDEO: { 'video/mp4': 16 * 1024 * 1024, 'video/3gpp': 16 * 1024 * 1024 },
  DOCUMENT: { 'application/pdf': 100 * 1024 * 1024 },
};

/** Every media type the upload accepts (the route's `contentTypes`): none is one an HTML form can send. */
export const UPLOAD_MEDIA_TYPES = Object.values(HEADER_MEDIA_TYPES).flatMap((types) => Object.keys(types));

/** The largest upload of any type: the route's body limit, so a bigger body is refused before it is read. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(HEADER_MEDIA_TYPES).flatMap((types) => Object.values(types)));

/** The header format a media type fills, or null for a type no template header takes. */
export function formatOf(mimeType: string): MediaFormat | null {
  for (const [format, types] of Object.entries(HEADER_MEDIA_TYPES)) {
    if (mimeType in types) return format as MediaFormat;
  }
  return null;
}

/**
 * Meta keeps an uploaded media id for 30 days. The portal re-uploads an id older than this before a launch or a
 * resume uses it, so a campaign keeps at least a week of validity after it starts (a campaign spread over the
 * messaging limit's windows runs for a few days, `CAMPAIGN_MAX_SPREAD_DAYS`, 3 by default).
 */
export const MEDIA_ID_REUSE_MS = 23 * 24 * 3_600_000;

/**
 * The file's own first bytes must match the type it claims: a browser names a type from the file's extension, and a
 * renamed file would be refused by Meta only when the first recipient's phone downloads it (131052, asynchronously).
 */
const SIGNATURES: Readonly<Record<string, (head: Buffer) => boolean>> = {
  'image/jpeg': (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  'image/png': (head) => head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  'application/pdf': (head) => head.subarray(0, 5).toString('latin1') === '%PDF-',
  // ISO base media files (MP4, 3GPP) begin with a box whose type, at byte 4, is `ftyp`.
  'video/mp4': (head) => head.subarray(4, 8).toString('latin1') === 'ftyp',
  'video/3gpp': (head) => head.subarray(4, 8).toString('latin1') === 'ftyp',
};

export function contentMatches(mimeType: string, content: Buffer): boolean {
  return SIGNATURES[mimeType]?.(content) ?? false;
}
