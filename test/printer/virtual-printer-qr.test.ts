import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import { createTicketPrinter } from '../../src/printer/ticket-printer.ts';
import { createVirtualTransport } from '../../src/printer/transport.virtual.ts';
import { decodeQrFromFile } from '../../src/scanner/decode-file.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'terminmarke-virtual-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the virtual printer', () => {
  it.each([
    ['de', 80],
    ['ar', 80],
    ['uk', 58],
  ] as const)(
    'draws a %s ticket on %i mm paper whose QR code scans back to the payload',
    async (language, paper) => {
      const ticket = makeSampleTicket({ language });
      const transport = createVirtualTransport(dir, paper);
      const outcome = await createTicketPrinter(transport, paper).print(ticket);
      expect(outcome).toMatchObject({ ok: true });
      const files = transport.lastJob();
      expect(files).not.toBeNull();
      expect(await decodeQrFromFile(files!.png)).toBe(ticket.payload);
    },
  );

  it('keeps the raw ESC/POS next to the picture and numbers tickets on', async () => {
    const transport = createVirtualTransport(dir, 80);
    const printer = createTicketPrinter(transport, 80);
    await printer.print(makeSampleTicket());
    await printer.print(makeSampleTicket({ callNumber: 'K043' }));
    expect(transport.lastJob()?.bin).toBe(join(dir, 'ticket-0002.bin'));
    const bytes = await readFile(join(dir, 'ticket-0002.bin'));
    expect(bytes.includes(Buffer.from('K043', 'latin1'))).toBe(true);
  });

  it('fails with the reason written in its simulate file', async () => {
    await writeFile(join(dir, 'simulate'), 'cover-open\n');
    const outcome = await createTicketPrinter(createVirtualTransport(dir, 80), 80).print(
      makeSampleTicket(),
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'cover-open' });
  });
});

describe('the virtual printer under concurrent jobs', () => {
  it('gives every job its own file, also when two arrive at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'terminmarke-virtual-'));
    try {
      const printer = createVirtualTransport(dir, 58);
      const results = await Promise.all(
        [1, 2, 3].map((n) => printer.send(new Uint8Array([0x1b, 0x40, 0x41 + n, 0x0a]))),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const bins = readdirSync(dir)
        .filter((f) => f.endsWith('.bin'))
        .sort();
      expect(bins).toEqual(['ticket-0001.bin', 'ticket-0002.bin', 'ticket-0003.bin']);
      const contents = bins.map((f) => readFileSync(join(dir, f))[2]).sort();
      expect(contents).toEqual([0x42, 0x43, 0x44]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
