/**
 * Network printers on raw TCP (port 9100), node-thermal-printer's `tcp://host:port`.
 * Written on node:net rather than node-thermal-printer's Network interface because that one
 * resolves as soon as the bytes reach the local socket buffer — a printer that drops the
 * connection mid-ticket would count as printed — and reads only the first answer chunk.
 *
 * One connection per job: real-time status first (DLE EOT), the job with GS r 1 after its cut,
 * then wait for the GS r answer, which the printer sends only once it has processed the ticket.
 */
import {
  concatBytes,
  isRealTimeStatusByte,
  paperStatusRequest,
  parseRealTimeStatus,
  realTimeStatusRequest,
} from './escpos.ts';
import { type LinkEnd, TcpLink, describeEnd } from './tcp-link.ts';
import {
  type PrinterStatus,
  type PrinterTransport,
  type SendResult,
  errorText,
  failure,
} from './transport.ts';

export interface TcpTimeouts {
  connectMs: number;
  /** A printer that talks back answers DLE EOT within a few ms; silence means write-only. */
  statusMs: number;
  /** From the last byte written until the printer acknowledges the whole ticket. */
  acknowledgeMs: number;
}

export const DEFAULT_TCP_TIMEOUTS: TcpTimeouts = {
  connectMs: 3000,
  statusMs: 800,
  acknowledgeMs: 15000,
};

const NETWORK_INTERFACE = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i;

/** Host and port of a `tcp://` interface string, or null. e.g. 'tcp://10.0.0.7' → { host: '10.0.0.7', port: 9100 } */
export function parseTcpInterface(text: string): { host: string; port: number } | null {
  const match = NETWORK_INTERFACE.exec(text.trim());
  if (!match) return null;
  return { host: match[1] as string, port: match[2] ? Number(match[2]) : 9100 };
}

/** A transport for `tcp://host:port`. e.g. createTcpTransport('tcp://127.0.0.1:9100') */
export function createTcpTransport(
  interfaceText: string,
  timeouts: Partial<TcpTimeouts> = {},
): PrinterTransport {
  const address = parseTcpInterface(interfaceText);
  if (!address) throw new RangeError(`not a tcp:// printer interface: ${interfaceText}`);
  const limits = { ...DEFAULT_TCP_TIMEOUTS, ...timeouts };
  const name = `tcp://${address.host}:${address.port}`;
  const connect = (): Promise<TcpLink | LinkEnd> =>
    TcpLink.open(address.host, address.port, limits.connectMs);
  return {
    name,
    async status() {
      const link = await connect();
      if (!(link instanceof TcpLink)) return unreachable(name, link);
      try {
        return await askStatus(link, limits.statusMs);
      } finally {
        link.close();
      }
    },
    async send(job) {
      const link = await connect();
      if (!(link instanceof TcpLink)) return unreachable(name, link);
      try {
        return await sendJob(link, job, limits);
      } finally {
        link.close();
      }
    },
  };
}

function unreachable(name: string, end: LinkEnd): PrinterStatus & SendResult {
  return {
    kind: 'problem',
    ...failure('offline', `${name} is not reachable (${describeEnd(end)})`),
  };
}

async function askStatus(link: TcpLink, timeoutMs: number): Promise<PrinterStatus> {
  try {
    await link.write(realTimeStatusRequest());
  } catch (error) {
    return { kind: 'problem', ...failure('write-failed', errorText(error)) };
  }
  const answers = await link.readBytes(3, timeoutMs, isRealTimeStatusByte);
  if (answers.length < 3)
    return { kind: 'unknown', detail: 'the printer does not report its status' };
  const report = parseRealTimeStatus(answers);
  if (report.problem) {
    return { kind: 'problem', ...failure(report.problem, `the printer reports ${report.problem}`) };
  }
  return { kind: 'ready', paperNearEnd: report.paperNearEnd };
}

async function sendJob(link: TcpLink, job: Uint8Array, limits: TcpTimeouts): Promise<SendResult> {
  const before = await askStatus(link, limits.statusMs);
  if (before.kind === 'problem') return failure(before.reason, before.detail);
  const talksBack = before.kind === 'ready';
  try {
    await link.write(talksBack ? concatBytes([job, paperStatusRequest()]) : job);
  } catch (error) {
    return failure('write-failed', `writing the ticket failed: ${errorText(error)}`);
  }
  if (!talksBack) return finishWriteOnly(link);
  // A GS r answer has bit 4 clear; anything with it set is a stray real-time status byte.
  const [answer] = await link.readBytes(1, limits.acknowledgeMs, (b) => !isRealTimeStatusByte(b));
  if (answer !== undefined)
    return { ok: true, acknowledged: true, paperNearEnd: before.paperNearEnd };
  if (link.ended) {
    return failure('write-failed', `the ticket was cut off: ${describeEnd(link.ended)}`);
  }
  // Stopped mid-ticket: DLE EOT is answered even now and says why (paper out, cover open).
  const after = await askStatus(link, limits.statusMs);
  if (after.kind === 'problem') return failure(after.reason, after.detail);
  return failure(
    'timeout',
    `the printer did not confirm the ticket within ${limits.acknowledgeMs} ms`,
  );
}

async function finishWriteOnly(link: TcpLink): Promise<SendResult> {
  const end = await link.finish(2000);
  if (end.kind === 'error') return failure('write-failed', describeEnd(end));
  return { ok: true, acknowledged: false, paperNearEnd: false };
}
