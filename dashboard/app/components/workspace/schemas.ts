import * as z from 'zod/mini';

export const TIME_ZONE_OPTIONS = ['ASIA_JAKARTA', 'ASIA_MAKASSAR', 'ASIA_JAYAPURA'] as const;

export const timeZoneSchema = z.object({
  timeZone: z.enum(TIME_ZONE_OPTIONS, { error: 'workspaceSettings.timeZone.invalid' }),
});
