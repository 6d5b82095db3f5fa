/** Argument schemas of the counter and display calls, for `dispatch` (the renderer is untrusted). */
import { z } from 'zod';
import type { HostCallName } from './contract.ts';

const code = z.string().min(1).max(64);
const ids = z.array(z.string().min(1).max(64)).max(20);

export const QUEUE_CALL_ARGUMENTS = {
  'counter/state': null,
  'counter/call-next': null,
  'counter/call': z.object({ code }).strict(),
  'counter/act': z
    .object({
      code,
      action: z.enum(['recall', 'arrived', 'not-arrived', 'park', 'resume', 'served', 'transfer']),
      services: ids.optional(),
      counter: z.string().min(1).max(64).optional(),
    })
    .strict(),
  'display/state': null,
} satisfies Partial<Record<HostCallName, z.ZodType | null>>;
