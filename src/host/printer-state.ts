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

/** e.g. a printer out of paper → read() resolves 'paper-out'; no printer → always 'ready' */
export function createPrinterReader(printer: TicketPrinter | null): PrinterReader {
  let printerState: PrinterState = printer ? 'unknown' : 'ready';
  return {
    current: () => printerState,
    read: async () => {
      if (!printer) return printerState;
      const status = await printer.status().catch(() => null);
      printerState = status ? toPrinterState(status) : 'unknown';
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
