/**
 * The page's CSP has no 'unsafe-eval'. zod builds a compiled fast path for object schemas and
 * probes `new Function` when the first one is made; the browser reports that probe as a policy
 * violation even though zod catches the refusal. Plain parsing is fast enough for a few answers a
 * minute. Imported first by the entry, so it runs before any module builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
