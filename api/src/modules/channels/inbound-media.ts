/**
 * The facts of an inbound message kept on the reply (GATEWAYS.md, Meta's message object): a media message names
 * its upload by `id` and `mime_type` (an image, video or document may carry a `caption`, a document a `filename`);
 * a location has coordinates and perhaps a name and address. A text, button or interactive reply has none of these.
 */

/** A shared place as kept in the reply's `location` jsonb (rows stored before name and address were kept lack them). */
export interface ReplyPlace {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export interface InboundFacts {
  /** The reply's text: the body, the button title or chosen item, a media caption, or a place's name or address. */
  text: string | null;
  mediaId: string | null;
  mimeType: string | null;
  fileName: string | null;
  location: ReplyPlace | null;
}

interface MediaObject {
  id?: string;
  mime_type?: string;
  caption?: string;
  filename?: string;
}

export interface InboundMessageBody {
  type?: string;
  text?: { body?: string };
  button?: { text?: string };
  interactive?: { button_reply?: { title?: string }; list_reply?: { title?: string } };
  image?: MediaObject;
  video?: MediaObject;
  audio?: MediaObject;
  document?: MediaObject;
  sticker?: MediaObject;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
/** The media Meta lets the sender caption: for these the reply's text is the caption. */
const CAPTIONED_TYPES: ReadonlySet<string> = new Set(['image', 'video', 'document']);

const clip = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
const coordinate = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function placeOf(location: InboundMessageBody['location']): ReplyPlace | null {
  const latitude = coordinate(location?.latitude);
  const longitude = coordinate(location?.longitude);
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, name: clip(location?.name, 1000), address: clip(location?.address, 1000) };
}

/** What to store of an inbound message from Meta's webhook. */
export function inboundFacts(message: InboundMessageBody): InboundFacts {
  const type = MEDIA_TYPES.find((candidate) => candidate === message.type);
  const media = type ? message[type] : undefined;
  const location = message.type === 'location' ? message.location : undefined;
  const text =
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title ??
    clip(media?.caption, 4096) ??
    clip(location?.name, 1000) ??
    clip(location?.address, 1000) ??
    null;
  return {
    text,
    mediaId: clip(media?.id, 100),
    mimeType: clip(media?.mime_type, 100),
    fileName: clip(media?.filename, 255),
    location: placeOf(location),
  };
}

/** The columns of a stored reply the facts are read from (contact_reply). */
export interface StoredReplyColumns {
  type: string;
  text: string | null;
  media_id: string | null;
  mime_type: string | null;
  file_name: string | null;
  location: { latitude: number; longitude: number; name?: string | null; address?: string | null } | null;
}

/** What every reader of a reply (the contact's list, a campaign's replies, the forwarded body) shows of its media. */
export interface ReplyFacts {
  mediaId: string | null;
  mimeType: string | null;
  fileName: string | null;
  /** An image's, video's or document's caption (also the reply's text); null for anything else. */
  caption: string | null;
  location: ReplyPlace | null;
}

/** One shape of a stored reply's media facts, so the GraphQL lists and the forwarded body never differ. */
export function replyFacts(row: StoredReplyColumns): ReplyFacts {
  return {
    mediaId: row.media_id,
    mimeType: row.mime_type,
    fileName: row.file_name,
    caption: CAPTIONED_TYPES.has(row.type) ? row.text : null,
    location:
      row.location === null
        ? null
        : {
            latitude: row.location.latitude,
            longitude: row.location.longitude,
            name: row.location.name ?? null,
            address: row.location.address ?? null,
          },
  };
}
