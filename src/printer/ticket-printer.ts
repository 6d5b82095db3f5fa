/**
 * The ticket printer the host uses: lays a ticket out, encodes it and sends it through one
 * transport, and says in one word what went wrong when the paper did not come out.
 */
import type { PrintableTicket } from './printable-ticket.ts';
import type { PrinterSpec } from './printer-profile.ts';
import { encodeTicket } from './ticket-encoder.ts';
import { layoutTicket } from './ticket-layout.ts';
import type { PrintFailureReason, PrinterStatus, PrinterTransport } from './transport.ts';
import { errorText } from './transport.ts';

export type PrintOutcome =
  | { ok: true; bytes: number; acknowledged: boolean; paperNearEnd: boolean }
  | { ok: false; reason: PrintFailureReason; detail: string };

export interface TicketPrinter {
  print(ticket: PrintableTicket): Promise<PrintOutcome>;
  status(): Promise<PrinterStatus>;
}

/** ESC/POS bytes of a ticket. e.g. renderTicketBytes(makeSampleTicket(), 80) → ~1 kB */
export function renderTicketBytes(ticket: PrintableTicket, paper: PrinterSpec): Uint8Array {
  return encodeTicket(layoutTicket(ticket, paper), paper);
}

/** A printer over a transport. e.g. createTicketPrinter(openPrinterTransport('tcp://10.0.0.7'), 80) */
export function createTicketPrinter(
  transport: PrinterTransport,
  paper: PrinterSpec = 80,
): TicketPrinter {
  return {
    status: () => transport.status(),
    async print(ticket) {
      let job: Uint8Array;
      try {
        job = renderTicketBytes(ticket, paper);
      } catch (error) {
        // A layout or font failure must still end in a ticket on screen, not a stuck kiosk.
        return {
          ok: false,
          reason: 'write-failed',
          detail: `ticket layout failed: ${errorText(error)}`,
        };
      }
      const sent = await transport.send(job);
      return sent.ok ? { ...sent, bytes: job.length } : sent;
    },
  };
}
