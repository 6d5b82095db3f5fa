import { afterEach, describe, expect, it } from 'vitest';
import { encodePc858 } from '../../src/printer/code-page.ts';
import { type EscPosCommand, readCommands } from '../../src/printer/escpos-reader.ts';
import type { PrintableTicket } from '../../src/printer/printable-ticket.ts';
import { makeSampleTicket } from '../../src/printer/sample-ticket.ts';
import { createTicketPrinter } from '../../src/printer/ticket-printer.ts';
import { createTcpTransport } from '../../src/printer/transport.tcp.ts';
import { type FakePrinter, startFakePrinter } from './fake-network-printer.ts';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

async function printOverTcp(
  ticket: PrintableTicket,
): Promise<{ bytes: Uint8Array; commands: EscPosCommand[] }> {
  printer = await startFakePrinter();
  const outcome = await createTicketPrinter(createTcpTransport(printer.url), 80).print(ticket);
  expect(outcome).toMatchObject({ ok: true, acknowledged: true });
  const bytes = printer.received();
  return { bytes, commands: readCommands(bytes) };
}

const germanTicket: PrintableTicket = {
  ...makeSampleTicket({ language: 'de' }),
  officeName: { de: 'Bürgerbüro Weißenburger Straße' },
};

describe('a ticket sent to a network printer', () => {
  it('carries exactly the ticket payload in the QR store command and then prints it', async () => {
    const { commands } = await printOverTcp(germanTicket);
    const qr = commands.filter((c) => c.op === 'symbol' && c.cn === 0x31);
    const stores = qr.filter((c) => c.op === 'symbol' && c.fn === 0x50);
    expect(stores).toHaveLength(1);
    const store = stores[0] as Extract<EscPosCommand, { op: 'symbol' }>;
    // GS ( k pL pH 31 50 30 d…: the data follows the '0' (0x30) parameter.
    expect(store.params[0]).toBe(0x30);
    expect(latin1(store.params.subarray(1))).toBe(germanTicket.payload);
    const last = qr[qr.length - 1] as Extract<EscPosCommand, { op: 'symbol' }>;
    expect(last.fn).toBe(0x51);
  });

  it('selects code page PC858 before any text and prints umlauts and ß as its bytes', async () => {
    const { bytes, commands } = await printOverTcp(germanTicket);
    const firstText = commands.findIndex((c) => c.op === 'text');
    const table = commands.findIndex((c) => c.op === 'code-table' && c.table === 19);
    expect(table).toBeGreaterThanOrEqual(0);
    expect(table).toBeLessThan(firstText);
    // ü = 0x81, ß = 0xE1 in PC858.
    const office = Buffer.from([0x42, 0x81, 0x72, 0x67, 0x65, 0x72, 0x62, 0x81, 0x72, 0x6f, 0x20]);
    expect(Buffer.from(bytes).includes(office)).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0x53, 0x74, 0x72, 0x61, 0xe1, 0x65]))).toBe(
      true,
    );
    expect(Buffer.from(bytes).includes(Buffer.from('Bürger', 'utf8'))).toBe(false);
  });

  it('prints the call number very large and the Terminkennung large', async () => {
    const { commands } = await printOverTcp(germanTicket);
    const sizeBefore = (text: string): number | undefined => {
      const at = commands.findIndex((c) => c.op === 'text' && latin1(c.bytes) === text);
      const size = commands.slice(0, at).findLast((c) => c.op === 'size');
      return size?.op === 'size' && at >= 0 ? size.width : undefined;
    };
    expect(sizeBefore('K042')).toBe(6);
    expect(sizeBefore('L7K4-NM2A')).toBe(2);
  });

  it('cuts the paper at the end', async () => {
    const { commands } = await printOverTcp(germanTicket);
    const cut = commands.findIndex((c) => c.op === 'cut');
    expect(cut).toBeGreaterThan(0);
    const printedAfter = commands
      .slice(cut)
      .some((c) => ['text', 'raster', 'symbol'].includes(c.op));
    expect(printedAfter).toBe(false);
  });

  it('prints a language the code page lacks as a picture and keeps German as text', async () => {
    const { commands } = await printOverTcp(makeSampleTicket({ language: 'ar' }));
    const pictures = commands.filter((c) => c.op === 'raster');
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.every((c) => c.op === 'raster' && c.image.width === 576)).toBe(true);
    const texts = commands
      .filter((c) => c.op === 'text')
      .map((c) => (c.op === 'text' ? latin1(c.bytes) : ''));
    expect(texts).toContain(latin1(encodePc858('- Führungszeugnis') as Uint8Array));
  });
});
