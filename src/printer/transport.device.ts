/**
 * A printer behind a device path (USB `/dev/usb/lp0`, a serial port, a CUPS raw queue's file).
 * Written on node:fs rather than node-thermal-printer's file interface, which retries a missing
 * device for minutes and rejects with a bare 'Printer Error'; a kiosk needs the reason at once.
 * Write-only: reading status back through a device node depends on the kernel driver, so the
 * status is 'unknown' while the device exists.
 */
import { access, open } from 'node:fs/promises';
import {
  type PrintFailureReason,
  type PrinterTransport,
  type SendResult,
  errorCode,
  errorText,
  failure,
} from './transport.ts';

/** Error codes that mean the printer is not there (unplugged, switched off, wrong path). */
const GONE = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'EHOSTDOWN']);

/** A transport for a device path. e.g. createDeviceTransport('/dev/usb/lp0') */
export function createDeviceTransport(path: string, timeoutMs = 10_000): PrinterTransport {
  return {
    name: path,
    async status() {
      try {
        await access(path);
        return { kind: 'unknown', detail: `${path} is there; it does not report paper or cover` };
      } catch (error) {
        return { kind: 'problem', ...failure(reasonFor(error), `${path}: ${errorText(error)}`) };
      }
    },
    send: (job) => writeWithDeadline(path, job, timeoutMs),
  };
}

function reasonFor(error: unknown): PrintFailureReason {
  return GONE.has(errorCode(error) ?? '') ? 'offline' : 'write-failed';
}

async function writeWithDeadline(
  path: string,
  job: Uint8Array,
  timeoutMs: number,
): Promise<SendResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SendResult>((resolve) => {
    timer = setTimeout(
      () => resolve(failure('timeout', `${path} took no data for ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const write = (async (): Promise<SendResult> => {
    // 'r+' opens an existing device without creating a file where the device should be.
    const handle = await open(path, 'r+');
    try {
      await handle.write(job);
      return { ok: true, acknowledged: false, paperNearEnd: false };
    } finally {
      await handle.close();
    }
  })().catch((error: unknown) => failure(reasonFor(error), `${path}: ${errorText(error)}`));
  try {
    return await Promise.race([write, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
