import type { IncomingMessage } from 'node:http';
import { AppError } from '../core/app-error';

/**
 * Reads a request body up to `maxBytes`, refusing larger ones before and while reading
 * (a declared Content-Length is checked first; a lying or chunked one is cut off).
 * The bytes are returned exactly as received: webhook signatures are computed over them.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    request.resume();
    return Promise.reject(new AppError('PAYLOAD_TOO_LARGE', 'errors.payloadTooLarge', { maxBytes }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new AppError('PAYLOAD_TOO_LARGE', 'errors.payloadTooLarge', { maxBytes }));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The media type of a request without parameters, lower-cased (`application/json`). */
export function mediaTypeOf(request: IncomingMessage): string | undefined {
  const type = request.headers['content-type'];
  return typeof type === 'string' ? type.split(';')[0]?.trim().toLowerCase() : undefined;
}
