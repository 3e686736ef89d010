import { randomBytes } from 'node:crypto';

/**
 * Message ids in Meta's format: `wamid.` + base64 of a small protobuf-like record holding the
 * recipient's number and a random id (0x11 marks an outgoing message, 0x12 an incoming one), the
 * same layout as the ids in ../shared/fixtures/meta. Random bytes come from a pool refilled in
 * blocks, so an id costs no system call at thousands of sends per second.
 */
let pool = Buffer.alloc(0);
let offset = 0;

function random(bytes: number): Buffer {
  if (offset + bytes > pool.length) {
    pool = randomBytes(64 * 1024);
    offset = 0;
  }
  offset += bytes;
  return pool.subarray(offset - bytes, offset);
}

export function wamid(waId: string, direction: 'outgoing' | 'incoming' = 'outgoing'): string {
  const phone = Buffer.from(waId, 'latin1');
  const id = Buffer.from(
    random(direction === 'outgoing' ? 9 : 10)
      .toString('hex')
      .toUpperCase(),
    'latin1',
  );
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, phone.length]),
    phone,
    Buffer.from([0x15, 0x02, 0x00, direction === 'outgoing' ? 0x11 : 0x12, 0x18, id.length]),
    id,
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}
