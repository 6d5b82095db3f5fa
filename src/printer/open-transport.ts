/**
 * Picks the transport for a printer interface string (docs/cli.md): node-thermal-printer's
 * `tcp://host:port`, a device path, or `virtual:DIR`.
 */
import type { PrinterSpec } from './printer-profile.ts';
import type { PrinterTransport } from './transport.ts';
import { createDeviceTransport } from './transport.device.ts';
import { type TcpTimeouts, createTcpTransport, parseTcpInterface } from './transport.tcp.ts';
import { createVirtualTransport, parseVirtualInterface } from './transport.virtual.ts';

export interface TransportOptions {
  paper?: PrinterSpec;
  tcp?: Partial<TcpTimeouts>;
}

/**
 * The transport an interface string names. e.g. 'tcp://10.0.0.7:9100' → TCP,
 * '/dev/usb/lp0' → device, 'virtual:out/tickets' → files
 */
export function openPrinterTransport(
  interfaceText: string,
  options: TransportOptions = {},
): PrinterTransport {
  const text = interfaceText.trim();
  if (parseTcpInterface(text)) return createTcpTransport(text, options.tcp);
  const dir = parseVirtualInterface(text);
  if (dir !== null) return createVirtualTransport(dir, options.paper);
  if (/^[a-z]+:\/\//i.test(text) || text === '') {
    throw new RangeError(
      `unknown printer interface '${interfaceText}': use tcp://HOST:PORT, a device path or virtual:DIR`,
    );
  }
  return createDeviceTransport(text);
}
