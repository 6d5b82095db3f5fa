import { describe, expect, it } from 'vitest';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import { createPrinterReader } from './printer-state.ts';

function printerAnswering(answers: Array<Error | 'ready'>): TicketPrinter {
  return {
    print: async () => ({ ok: true, bytes: 0, acknowledged: true, paperNearEnd: false }),
    status: async () => {
      const next = answers.shift() ?? 'ready';
      if (next instanceof Error) throw next;
      return { kind: 'ready', paperNearEnd: false };
    },
  };
}

describe('the printer state the screens show', () => {
  it('reads a failing status as unknown and logs why, once per streak', async () => {
    const logged: string[] = [];
    const timeout = new Error('no answer to DLE EOT within 2000 ms');
    const reader = createPrinterReader(
      printerAnswering([timeout, timeout, 'ready', timeout]),
      (message) => logged.push(message),
    );
    expect(await reader.read()).toBe('unknown');
    expect(await reader.read()).toBe('unknown');
    expect(await reader.read()).toBe('ready');
    expect(await reader.read()).toBe('unknown');
    expect(logged).toEqual([
      'terminmarke printer: status unknown: no answer to DLE EOT within 2000 ms',
      'terminmarke printer: status unknown: no answer to DLE EOT within 2000 ms',
    ]);
  });
});
