/**
 * `terminmarke print-test --printer <interface>` (docs/cli.md): IT's first check at installation.
 * Asks the printer for its status, prints a sample ticket and says plainly what happened.
 * Exit code 0 only when the ticket went out; 1 when the printer failed; 2 for wrong usage.
 */
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../core/catalogue.ts';
import { MINUTE_MS } from '../core/time.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { openPrinterTransport } from './open-transport.ts';
import {
  PRINTER_PROFILES,
  PRINTER_PROFILE_IDS,
  type PrinterProfile,
  type PrinterProfileId,
  printerProfile,
} from './printer-profile.ts';
import { makeSampleTicket } from './sample-ticket.ts';
import { missingFonts } from './text-raster.ts';
import { createTicketPrinter } from './ticket-printer.ts';
import type { PrinterStatus } from './transport.ts';
import type { VirtualPrinter } from './transport.virtual.ts';

const USAGE =
  'usage: terminmarke print-test --printer tcp://HOST:PORT|DEVICE|virtual:DIR [--profile ID | --paper 80|58] [--language de|en|tr|ar|uk|ru|pl]';

const ADVICE: Record<string, string> = {
  offline: 'Is the printer switched on, connected, and is the address right?',
  'paper-out': 'Put in a new paper roll.',
  'cover-open': 'Close the printer cover.',
  timeout: 'The printer took the data but did not finish; check it for jammed paper or errors.',
  'write-failed': 'The connection broke while sending; check cable or network and try again.',
};

/** Runs print-test; returns the exit code. e.g. run(['--printer', 'virtual:out/tickets']) → 0 */
export async function run(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (typeof options === 'string') {
    console.error(`terminmarke print-test: ${options}\n${USAGE}`);
    return 2;
  }
  const { profile } = options;
  const transport = openPrinterTransport(options.printer, { paper: profile });
  console.log(
    `Printer ${transport.name}, profile ${profile.id} (${profile.model}: ${profile.paperMm} mm paper, ` +
      `${profile.dots} dots, ${profile.columns} columns, ${profile.dpi} dpi)`,
  );
  const fonts = missingFonts([...LANGUAGES]);
  if (fonts.length > 0)
    console.log(`  warning: fonts missing for non-German text: ${fonts.join(', ')}`);
  const status = await transport.status();
  console.log(`  status: ${describeStatus(status)}`);
  if (status.kind === 'problem') {
    console.log(`  not printed. ${ADVICE[status.reason] ?? ''}`);
    return 1;
  }
  const start =
    Math.ceil((clockFromEnvironment().now() + 20 * MINUTE_MS) / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
  const ticket = makeSampleTicket({ language: options.language, start, callNumber: 'K000' });
  const began = performance.now();
  const outcome = await createTicketPrinter(transport, profile).print(ticket);
  const ms = Math.round(performance.now() - began);
  if (!outcome.ok) {
    console.log(
      `  FAILED (${outcome.reason}): ${outcome.detail}\n  ${ADVICE[outcome.reason] ?? ''}`,
    );
    return 1;
  }
  const confirmed = outcome.acknowledged
    ? 'the printer confirmed it'
    : 'sent; this printer does not confirm, so check the paper';
  console.log(`  printed: sample ticket K000 (${outcome.bytes} bytes, ${ms} ms), ${confirmed}.`);
  if (outcome.paperNearEnd) console.log('  note: the paper roll is nearly empty.');
  const files = 'lastJob' in transport ? (transport as VirtualPrinter).lastJob() : null;
  if (files) console.log(`  files: ${files.png} and ${files.bin}`);
  return 0;
}

interface PrintTestOptions {
  printer: string;
  profile: PrinterProfile;
  language: Language;
}

function readOptions(args: string[]): PrintTestOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        printer: { type: 'string' },
        paper: { type: 'string' },
        profile: { type: 'string' },
        language: { type: 'string' },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (!values.printer) return '--printer is required';
  if (values.profile !== undefined && values.paper !== undefined)
    return 'give --profile or --paper, not both';
  const id = values.profile;
  if (id !== undefined && !(PRINTER_PROFILE_IDS as readonly string[]).includes(id))
    return `--profile is one of ${PRINTER_PROFILE_IDS.join(', ')}`;
  const paper = Number(values.paper ?? 80);
  if (paper !== 80 && paper !== 58) return '--paper is 80 or 58';
  const profile = id ? PRINTER_PROFILES[id as PrinterProfileId] : printerProfile(paper);
  const language = (values.language ?? 'de') as Language;
  if (!LANGUAGES.includes(language)) return `--language is one of ${LANGUAGES.join(', ')}`;
  return { printer: values.printer, profile, language };
}

function describeStatus(status: PrinterStatus): string {
  if (status.kind === 'ready') return status.paperNearEnd ? 'ready (paper nearly empty)' : 'ready';
  if (status.kind === 'unknown') return `not reported (${status.detail})`;
  return `${status.reason}: ${status.detail}`;
}
