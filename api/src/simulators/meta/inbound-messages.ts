import { createHash, randomInt } from 'node:crypto';

/**
 * What a simulated user sends (`sends.inbound`), and the message object Meta's `messages` webhook carries for it
 * (Cloud API webhook reference: text, button, interactive, image, video, audio, document, sticker, location).
 */
export type InboundContent =
  | { type: 'text'; body: string }
  | { type: 'button'; text: string; payload?: string }
  | { type: 'interactive'; reply: { kind: 'button_reply' | 'list_reply'; id: string; title: string } }
  | {
      type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
      /** Meta's media id; a fresh 16-digit one when left out. */
      mediaId?: string;
      /** Defaults per kind: image/jpeg, video/mp4, audio/ogg, application/pdf, image/webp. */
      mimeType?: string;
      /** Images, videos and documents only (Meta sends no caption for audio or stickers). */
      caption?: string;
      /** Documents only. */
      fileName?: string;
    }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string };

export const INBOUND_TYPES = [
  'text',
  'button',
  'interactive',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
];

const DEFAULT_MIME = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg',
  document: 'application/pdf',
  sticker: 'image/webp',
};
const CAPTIONED = new Set(['image', 'video', 'document']);

/** The type-specific part of Meta's inbound message object. */
export function inboundMessageContent(message: InboundContent): Record<string, unknown> {
  switch (message.type) {
    case 'text':
      return { type: 'text', text: { body: message.body } };
    case 'button':
      return { type: 'button', button: { text: message.text, payload: message.payload ?? message.text } };
    case 'interactive':
      return {
        type: 'interactive',
        interactive: {
          type: message.reply.kind,
          [message.reply.kind]: { id: message.reply.id, title: message.reply.title },
        },
      };
    case 'location':
      return {
        type: 'location',
        location: {
          latitude: message.latitude,
          longitude: message.longitude,
          ...(message.name !== undefined ? { name: message.name } : {}),
          ...(message.address !== undefined ? { address: message.address } : {}),
        },
      };
    default: {
      // 16 digits like Meta's media ids (randomInt spans at most 2^48).
      const id = message.mediaId ?? String(1e15 + randomInt(2 ** 47));
      return {
        type: message.type,
        [message.type]: {
          ...(CAPTIONED.has(message.type) && message.caption !== undefined ? { caption: message.caption } : {}),
          ...(message.type === 'document' && message.fileName !== undefined ? { filename: message.fileName } : {}),
          mime_type: message.mimeType ?? DEFAULT_MIME[message.type],
          // Meta's sha256 of the file (base64); the simulator has no file, so it hashes the id.
          sha256: createHash('sha256').update(id).digest('base64'),
          id,
        },
      };
    }
  }
}
