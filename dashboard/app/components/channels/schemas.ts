import * as z from 'zod/mini';

// The API's ConnectChannelInput: Meta ids are 1 to 25 digits, a token 20 to 1,000 characters, a name up to 100.
const metaId = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: 'validation.required' }),
    z.regex(/^\d{1,25}$/, { error: 'channels.form.metaIdFormat' }),
  );

const accessToken = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: 'validation.required' }),
    z.minLength(20, { error: 'validation.tooShort' }),
    z.maxLength(1000, { error: 'validation.tooLong' }),
  );

export const connectChannelSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(100, { error: 'validation.tooLong' }),
    ),
  phoneNumberId: metaId,
  wabaId: metaId,
  accessToken,
});

export const channelIdSchema = z.object({ channelId: z.string().check(z.minLength(1)) });

export const updateTokenSchema = z.object({ channelId: z.string().check(z.minLength(1)), accessToken });

// The API checks the address itself (https, public in production); this only refuses an empty one early.
export const forwardingSchema = z.object({
  url: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(2000, { error: 'validation.tooLong' }),
    ),
  enabled: z.optional(z.literal('on')),
  rotateSecret: z.optional(z.literal('on')),
});
