/** The printer state the screens show, read from the printer and remembered between reads. */
import { defaultLogger } from '../platform/log.ts';
import type { TicketPrinter } from '../printer/ticket-printer.ts';
import type { PrinterStatus } from '../printer/transport.ts';
import type { PrinterState } from './contract.ts';

/** The printer as the device's heartbeat reports it; paper low where the printer says so. */
export type PrinterReport = 'ok' | 'paper-low' | 'paper-out' | 'offline' | 'unknown';

export interface PrinterReader {
  /** The state from the last read, without asking the printer. */
  current(): PrinterState;
  /** The last read for the heartbeat; null on a device without a printer. */
  report(): PrinterReport | null;
  /** Asks the printer; a status that fails to come is 'unknown'. */
  read(): Promise<PrinterState>;
}

/**
 * e.g. a printer out of paper → read() resolves 'paper-out'; no printer → always 'ready'.
 * A status read that fails is 'unknown' and is logged with its reason — once, not every read.
 */
export function createPrinterReader(
  printer: TicketPrinter | null,
  log: (message: string) => void = (message) => defaultLogger().warn(message),
): PrinterReader {
  let printerState: PrinterState = printer ? 'unknown' : 'ready';
  let paperNearEnd = false;
  let lastError: string | null = null;
  return {
    current: () => printerState,
    report: () => (printer ? toPrinterReport(printerState, paperNearEnd) : null),
    read: async () => {
      if (!printer) return printerState;
      try {
        const status = await printer.status();
        printerState = toPrinterState(status);
        paperNearEnd = status.kind === 'ready' && status.paperNearEnd;
        lastError = null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log(`terminmarke printer: status unknown: ${message}`);
        lastError = message;
        printerState = 'unknown';
        paperNearEnd = false;
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

/**
 * A screen state as the heartbeat says it: a cover left open stops printing like an offline
 * printer. e.g. ('ready', true) → 'paper-low'; ('cover-open', false) → 'offline'
 */
export function toPrinterReport(state: PrinterState, paperNearEnd: boolean): PrinterReport {
  switch (state) {
    case 'ready':
      return paperNearEnd ? 'paper-low' : 'ok';
    case 'paper-out':
      return 'paper-out';
    case 'unknown':
      return 'unknown';
    default:
      return 'offline';
  }
}
