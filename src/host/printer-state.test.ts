import { describe, expect, it } from 'vitest';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import { createPrinterReader } from './printer-state.ts';

function printerAnswering(
  answers: Array<Error | 'ready' | 'paper-low' | 'paper-out'>,
): TicketPrinter {
  return {
    print: async () => ({ ok: true, bytes: 0, acknowledged: true, paperNearEnd: false }),
    status: async () => {
      const next = answers.shift() ?? 'ready';
      if (next instanceof Error) throw next;
      if (next === 'paper-out')
        return { kind: 'problem', reason: 'paper-out', detail: 'roll empty' };
      return { kind: 'ready', paperNearEnd: next === 'paper-low' };
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

  it('reports paper low where the printer says so, for the heartbeat', async () => {
    const reader = createPrinterReader(
      printerAnswering(['paper-low', 'paper-out', 'ready', new Error('gone')]),
      () => undefined,
    );
    expect(reader.report()).toBe('unknown');
    await reader.read();
    expect([reader.current(), reader.report()]).toEqual(['ready', 'paper-low']);
    await reader.read();
    expect(reader.report()).toBe('paper-out');
    await reader.read();
    expect(reader.report()).toBe('ok');
    await reader.read();
    expect(reader.report()).toBe('unknown');
  });

  it('reports no printer on a device without one', () => {
    expect(createPrinterReader(null).report()).toBeNull();
  });
});
