/**
 * Calls that belong to another role answer `403 wrong-role` (every call is checked
 * against the device's role), so the handler map stays complete for every role.
 */
import type { HostCallName } from './contract.ts';
import { HostCallError } from './dispatch.ts';

/** The counter's and the display's calls. */
export const QUEUE_CALLS = [
  'counter/state',
  'counter/call-next',
  'counter/call',
  'counter/act',
  'display/state',
] as const satisfies readonly HostCallName[];

/** The kiosk's and the check-in window's calls (all of them but office/get and device/status). */
export const SCHEDULE_CALLS = [
  'capacity/get',
  'ticket/draw',
  'ticket/print',
  'ticket/retry-print',
  'ticket/keep-on-screen',
  'ticket/abandon',
  'checkin/submit',
  'checkin/waiting',
  'staff/call',
  'staff/open-calls',
  'staff/done',
  'keypad/get',
] as const satisfies readonly HostCallName[];

/** e.g. refuseCalls(['display/state'], 'kiosk')['display/state']() → rejects with 403 wrong-role */
export function refuseCalls<N extends HostCallName>(
  names: readonly N[],
  role: string,
): Record<N, () => Promise<never>> {
  const refuse = async (): Promise<never> => {
    throw new HostCallError('wrong-role', `A ${role} device does not offer this call.`, 403);
  };
  // fromEntries forgets its keys: they are exactly `names`.
  return Object.fromEntries(names.map((name) => [name, refuse])) as Record<N, () => Promise<never>>;
}
