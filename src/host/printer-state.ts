/** The printer state the screens show, read from the printer and remembered between reads. */
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import type { PrinterStatus } from '../printer/transport.ts';
import type { PrinterState } from './contract.ts';

export interface PrinterReader {
  /** The state from the last read, without asking the printer. */
  current(): PrinterState;
  /** Asks the printer; a status that fails to come is 'unknown'. */
  read(): Promise<PrinterState>;
}

/**
 * e.g. a printer out of paper → read() resolves 'paper-out'; no printer → always 'ready'.
 * A status read that fails is 'unknown' and is logged with its reason — once, not every read.
 */
export function createPrinterReader(
  printer: TicketPrinter | null,
  log: (message: string) => void = (message) => console.error(message),
): PrinterReader {
  let printerState: PrinterState = printer ? 'unknown' : 'ready';
  let lastError: string | null = null;
  return {
    current: () => printerState,
    read: async () => {
      if (!printer) return printerState;
      try {
        printerState = toPrinterState(await printer.status());
        lastError = null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log(`terminmarke printer: status unknown: ${message}`);
        lastError = message;
        printerState = 'unknown';
      }
      return printerState;
    },
  };
}

function toPrinterState(status: PrinterStatus): PrinterState {
  if (status.kind === 'ready') return 'ready';
  if (status.kind === 'unknown') return 'unknown';
  switch (status.reason) {
    case 'paper-out':
      return 'paper-out';
    case 'cover-open':
      return 'cover-open';
    default:
      return 'offline';
  }
}
