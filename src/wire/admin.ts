/** Health and device tokens: what the city's operators call. */
import { z } from 'zod';
import { deviceId, isoTime } from './fields.ts';
import { ROLES } from './roles.ts';

export const healthAnswer = z.object({
  status: z.literal('ok'),
  time: isoTime,
  version: z.string(),
});

export const tokenBody = z.object({
  roles: z.array(z.enum(ROLES)).min(1),
  /** Every token is bound to one device. */
  deviceId,
});

export const tokenAnswer = z.object({
  token: z.string(),
  roles: z.array(z.enum(ROLES)),
  deviceId: z.string(),
});

export const revokeBody = tokenBody.pick({ deviceId: true });
export const revokeAnswer = z.object({ deviceId: z.string(), revoked: z.number().int() });
