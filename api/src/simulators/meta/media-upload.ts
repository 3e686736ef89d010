import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';

/**
 * What Meta accepts on `POST /{phone-number-id}/media` (Meta's "Supported media types" of the Cloud API media
 * reference; not in GATEWAYS.md yet): a multipart form with `messaging_product=whatsapp`, `type` (the MIME type) and
 * `file`, of one of these types and at most this size. Change a limit here when Meta does.
 */
export const MEDIA_LIMITS: Readonly<Record<string, number>> = {
  // Images: 5 MB.
  'image/jpeg': 5 * 1024 * 1024,
  'image/png': 5 * 1024 * 1024,
  // Stickers: 500 KB (animated; static ones are 100 KB, which the simulator does not tell apart).
  'image/webp': 500 * 1024,
  // Video and audio: 16 MB.
  'video/mp4': 16 * 1024 * 1024,
  'video/3gpp': 16 * 1024 * 1024,
  'audio/aac': 16 * 1024 * 1024,
  'audio/amr': 16 * 1024 * 1024,
  'audio/mpeg': 16 * 1024 * 1024,
  'audio/mp4': 16 * 1024 * 1024,
  'audio/ogg': 16 * 1024 * 1024,
  // Documents: 100 MB.
  'text/plain': 100 * 1024 * 1024,
  'application/pdf': 100 * 1024 * 1024,
  'application/msword': 100 * 1024 * 1024,
  'application/vnd.ms-excel': 100 * 1024 * 1024,
  'application/vnd.ms-powerpoint': 100 * 1024 * 1024,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * 1024 * 1024,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * 1024 * 1024,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * 1024 * 1024,
};

const LARGEST = Math.max(...Object.values(MEDIA_LIMITS));

export type MediaUpload =
  { ok: true; mimeType: string; bytes: number; filename: string } | { ok: false; code: 100 | 131053; message: string };

const refused = (code: 100 | 131053, message: string): MediaUpload => ({ ok: false, code, message });

/**
 * Reads the upload's form with busboy (streaming: a file is counted, never held in memory) and checks it as Meta
 * does: the form's fields, one file, a supported type that matches the file's own, not empty, not over its limit.
 * Answers Meta's refusal (code 100 for a malformed request, 131053 with the details for the media itself) or what
 * was uploaded.
 */
export function readMediaUpload(request: IncomingMessage): Promise<MediaUpload> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { fileSize: LARGEST + 1, files: 2, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      // Not multipart, or no boundary.
      request.resume();
      return resolve(refused(100, '(#100) The parameter messaging_product is required.'));
    }
    const fields = new Map<string, string>();
    let file: { mimeType: string; filename: string; bytes: number; truncated: boolean } | undefined;
    let files = 0;
    let settled = false;
    const finish = (result: MediaUpload) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      request.resume();
      resolve(result);
    };
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (name, stream, info) => {
      files += 1;
      if (name !== 'file' || files > 1) return void stream.resume();
      const current = { mimeType: info.mimeType, filename: info.filename ?? '', bytes: 0, truncated: false };
      file = current;
      stream.on('data', (chunk: Buffer) => (current.bytes += chunk.length));
      stream.on('limit', () => (current.truncated = true));
      // A body cut short fails the file too; the parser's own error answers it.
      stream.on('error', () => undefined);
    });
    parser.on('error', () => finish(refused(100, '(#100) The request body is not a valid multipart form.')));
    parser.on('close', () => finish(check(fields, file, files)));
    request.pipe(parser);
  });
}

function check(
  fields: Map<string, string>,
  file: { mimeType: string; filename: string; bytes: number; truncated: boolean } | undefined,
  files: number,
): MediaUpload {
  if (fields.get('messaging_product') !== 'whatsapp') {
    return refused(100, '(#100) The parameter messaging_product is required.');
  }
  if (!file) return refused(100, '(#100) The parameter file is required.');
  if (files > 1) return refused(100, '(#100) Only one file can be uploaded at a time.');
  const type = fields.get('type') ?? file.mimeType;
  const limit = MEDIA_LIMITS[type];
  if (limit === undefined) return refused(131053, `The type ${type} is not supported.`);
  if (file.mimeType !== type) {
    return refused(131053, `The file is ${file.mimeType}, not the type ${type} given.`);
  }
  if (file.bytes === 0) return refused(131053, 'The uploaded file is empty.');
  if (file.truncated || file.bytes > limit) {
    return refused(131053, `A ${type} file can be at most ${limit} bytes.`);
  }
  return { ok: true, mimeType: type, bytes: file.bytes, filename: file.filename };
}
