/**
 * `virtual:DIR`, a printer made of files: each job is kept as the raw ESC/POS it was
 * (`ticket-0001.bin`) and as a picture of the paper drawn from those bytes (`ticket-0001.png`).
 * For the demo, screens and tests. A file `DIR/simulate` holding a failure reason ('paper-out',
 * 'cover-open', 'offline', …) makes the printer fail with it, to try the screens' failure paths.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderEscPosPicture } from './escpos-picture.ts';
import type { PrinterSpec } from './printer-profile.ts';
import {
  type PrintFailureReason,
  type PrinterStatus,
  type PrinterTransport,
  errorCode,
  errorText,
  failure,
} from './transport.ts';

const REASONS: readonly PrintFailureReason[] = [
  'offline',
  'paper-out',
  'cover-open',
  'timeout',
  'write-failed',
];

/** The directory of a `virtual:DIR` interface string, or null. e.g. 'virtual:out/tickets' → 'out/tickets' */
export function parseVirtualInterface(text: string): string | null {
  const match = /^virtual:(.+)$/.exec(text.trim());
  return match ? (match[1] as string) : null;
}

export interface VirtualPrinter extends PrinterTransport {
  /** Paths of the files the last job was written to. */
  lastJob(): { bin: string; png: string } | null;
}

/** A transport that writes files. e.g. createVirtualTransport('out/tickets', 80) */
export function createVirtualTransport(dir: string, paper: PrinterSpec = 80): VirtualPrinter {
  let last: { bin: string; png: string } | null = null;
  const status = async (): Promise<PrinterStatus> => {
    const simulated = await readSimulation(dir);
    if (simulated)
      return { kind: 'problem', ...failure(simulated, `simulated by ${join(dir, 'simulate')}`) };
    return { kind: 'ready', paperNearEnd: false };
  };
  return {
    name: `virtual:${dir}`,
    status,
    lastJob: () => last,
    async send(job) {
      const before = await status();
      if (before.kind === 'problem') return failure(before.reason, before.detail);
      try {
        await mkdir(dir, { recursive: true });
        const base = await claimTicketFile(dir, job);
        await writeFile(`${base}.png`, await renderEscPosPicture(job, paper));
        last = { bin: `${base}.bin`, png: `${base}.png` };
        return { ok: true, acknowledged: true, paperNearEnd: false };
      } catch (error) {
        return failure('write-failed', `virtual printer ${dir}: ${errorText(error)}`);
      }
    },
  };
}

async function readSimulation(dir: string): Promise<PrintFailureReason | null> {
  try {
    const text = (await readFile(join(dir, 'simulate'), 'utf8')).trim();
    return REASONS.find((reason) => reason === text) ?? null;
  } catch {
    return null;
  }
}

/**
 * Writes the job as the next free `ticket-NNNN.bin` and returns its base name. The file is
 * created exclusively, so two jobs at once (or two kiosks sharing a folder) never take the same
 * number. e.g. a folder with ticket-0001.bin → 'DIR/ticket-0002'
 */
async function claimTicketFile(dir: string, job: Uint8Array): Promise<string> {
  for (let number = await nextNumber(dir); ; number++) {
    const base = join(dir, `ticket-${String(number).padStart(4, '0')}`);
    try {
      await writeFile(`${base}.bin`, job, { flag: 'wx' });
      return base;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
}

/** One past the highest ticket number in the directory, so restarts never overwrite. */
async function nextNumber(dir: string): Promise<number> {
  const numbers = (await readdir(dir))
    .map((file) => /^ticket-(\d+)\.bin$/.exec(file)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.max(0, ...numbers) + 1;
}
