/**
 * Whether a host name or address stays on this machine. Plain HTTP and the demo token are
 * allowed only there: anything else crosses a network where others can listen.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** e.g. '127.0.0.1', '127.3.4.5', '::1', '[::1]', 'localhost' → true; '0.0.0.0', '::', '10.0.0.5' → false */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === 'localhost') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (isIPv6(name)) return name === '::1' || /^::ffff:127\./.test(name);
  return false;
}
