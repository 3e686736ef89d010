/**
 * The facts of an inbound message kept on the reply (GATEWAYS.md, Meta's message object): a media message names
 * its upload by `id` and `mime_type` (an image, video or document may carry a `caption`, a document a `filename`);
 * a location has coordinates and perhaps a name and address. A text, button or interactive reply has none of these.
 */
export interface InboundFacts {
  /** The reply's text: the body, the button title or chosen item, a media caption, or a place's name or address. */
  text: string | null;
  mediaId: string | null;
  mimeType: string | null;
  fileName: string | null;
  location: { latitude: number; longitude: number } | null;
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

const clip = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
const coordinate = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function locationOf(location: InboundMessageBody['location']): InboundFacts['location'] {
  const latitude = coordinate(location?.latitude);
  const longitude = coordinate(location?.longitude);
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

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
    location: locationOf(location),
  };
}
