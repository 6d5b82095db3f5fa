/**
 * The single entry of both transports: checks the call name and its argument (the renderer is
 * untrusted), runs the handler and turns every failure into `{ code, message }`.
 */
import { type Logger, defaultLogger } from '../platform/log.ts';
import { z } from 'zod';
import { LANGUAGES } from '../core/catalogue.ts';
import { STAFF_CALL_REASONS } from '../core/staff-call.ts';
import {
  type DeviceRole,
  type HostCallName,
  type HostHandlers,
  isCallAllowed,
} from './contract.ts';
import { HostCallError, type HostError } from './host-error.ts';
import { QUEUE_CALL_ARGUMENTS } from './queue-arguments.ts';

const code = z.string().min(1).max(64);

/** Argument schema per call; `null` for calls without an argument. */
const ARGUMENTS: { [N in HostCallName]: z.ZodType | null } = {
  'office/get': null,
  'capacity/get': null,
  'ticket/draw': z
    .object({
      services: z.array(z.string().min(1).max(64)).min(1).max(10),
      language: z.enum(LANGUAGES),
      print: z.boolean().optional(),
    })
    .strict(),
  'ticket/print': z.object({ code }).strict(),
  'ticket/retry-print': z.object({ code }).strict(),
  'ticket/keep-on-screen': z.object({ code }).strict(),
  'ticket/abandon': z.object({ code }).strict(),
  'checkin/submit': z.object({ input: z.string().max(512) }).strict(),
  'checkin/waiting': null,
  'staff/call': z.object({ reason: z.enum(STAFF_CALL_REASONS) }).strict(),
  'staff/open-calls': null,
  'staff/done': z.object({ id: z.string().min(1).max(64) }).strict(),
  'device/status': null,
  // A ticket read aloud is ~600 characters; 4000 leaves room and stays under the body limit.
  'speech/say': z
    .object({ text: z.string().trim().min(1).max(4000), lang: z.enum(LANGUAGES) })
    .strict(),
  'speech/cancel': null,
  'keypad/get': null,
  ...QUEUE_CALL_ARGUMENTS,
};

// Handlers import the error class from here; it is the one class the renderer raises too.
export { HostCallError } from './host-error.ts';

/** A call's answer with the HTTP status the browser transport sends; IPC drops the status. */
export type DispatchResult =
  { ok: true; value: unknown } | { ok: false; status: number; error: HostError };

/** True for a name the contract knows. e.g. 'ticket/draw' → true, 'constructor' → false */
export function isHostCallName(name: string): name is HostCallName {
  return Object.prototype.hasOwnProperty.call(ARGUMENTS, name);
}

/**
 * Checks the role, validates and runs one call. e.g. dispatch(h, 'ticket/draw', { services: [] },
 * 'kiosk') → { ok: false, status: 400, error: { code: 'invalid-argument', message: 'services: …' } }
 */
export async function dispatch(
  handlers: HostHandlers,
  name: string,
  arg: unknown,
  role: DeviceRole,
  log: Logger = defaultLogger(),
): Promise<DispatchResult> {
  if (!isHostCallName(name)) {
    return {
      ok: false,
      status: 404,
      error: { code: 'unknown-call', message: `no host call named '${name}'` },
    };
  }
  if (!isCallAllowed(role, name)) {
    return {
      ok: false,
      status: 403,
      error: { code: 'wrong-role', message: `A ${role} device does not answer '${name}'.` },
    };
  }
  const schema = ARGUMENTS[name];
  let checked: unknown = undefined;
  if (schema) {
    const parsed = schema.safeParse(arg);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`)
        .join('; ');
      return { ok: false, status: 400, error: { code: 'invalid-argument', message } };
    }
    checked = parsed.data;
  }
  try {
    const handler = handlers[name] as (arg?: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(checked) };
  } catch (error) {
    if (error instanceof HostCallError) {
      return {
        ok: false,
        status: error.status,
        error: { code: error.code, message: error.message },
      };
    }
    log.error(`host call ${name} failed`, { err: error });
    return {
      ok: false,
      status: 500,
      error: { code: 'internal-error', message: 'Something went wrong on this device.' },
    };
  }
}
