/**
 * The layout of a printed Terminmarke as data: blocks of lines, the QR code, rules and feeds.
 * Pure: the encoder turns it into ESC/POS, choosing printer text or a picture per block.
 * German always comes first; the citizen's language follows where it is another one.
 */
import { type Language, type LocalizedText, localize } from '../core/catalogue.ts';
import { formatTicketCode } from '../core/ticket-code.ts';
import { type Instant, toWallTime } from '../core/time.ts';
import type { PrintableTicket } from './printable-ticket.ts';
import {
  type PrinterProfile,
  type PrinterSpec,
  printerProfile,
  qrModuleDots,
} from './printer-profile.ts';
import { TICKET_PHRASES, type TicketPhrases } from './ticket-texts.ts';

export type Align = 'left' | 'center';

export interface TextLine {
  text: string;
  /** Character magnification, 1–8 (GS !). */
  scale?: number;
  bold?: boolean;
  align?: Align;
  /** Characters a wrapped continuation is indented by (a hanging indent after '- '). */
  indent?: number;
}

export type TicketBlock =
  /** Lines in one language: printer text when the code page has every character, else a picture. */
  | { kind: 'lines'; language: Language; lines: TextLine[] }
  | { kind: 'qr'; data: string; moduleDots: number }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

/**
 * The ticket's blocks for a printer. e.g. a German ticket → office, call number, time,
 * Terminkennung, QR code, check-in hint, concerns, what to bring, waiting area.
 * The QR code's modules are about 1 mm (`qrModuleDots`): the 32-character payload at error
 * correction Q is a version-3 symbol of 29 modules, 29 mm wide, which a hand scanner reads at
 * arm's length and which fits the 48 mm print width of 58 mm paper.
 */
export function layoutTicket(ticket: PrintableTicket, printer: PrinterSpec): TicketBlock[] {
  const profile = printerProfile(printer);
  const second = ticket.language === 'de' ? null : ticket.language;
  const de = TICKET_PHRASES.de;
  const both = (pick: (p: TicketPhrases) => string, style: Omit<TextLine, 'text'>): TicketBlock[] =>
    bilingual(second, (language) => [{ ...style, text: pick(TICKET_PHRASES[language]) }]);
  return [
    ...bilingual(second, (language) => [
      { text: localize(ticket.officeName, language), bold: true, align: 'center' },
    ]),
    { kind: 'rule' },
    ...both((p) => p.callNumber, { align: 'center' }),
    lines('de', [
      { text: ticket.callNumber, scale: callNumberScale(profile), bold: true, align: 'center' },
      { text: formatDate(ticket.start, ticket, 'de'), align: 'center' },
      {
        text: formatTime(ticket.start, ticket.timeZone, de),
        scale: 2,
        bold: true,
        align: 'center',
      },
    ]),
    { kind: 'rule' },
    ...both((p) => p.ticketId, { align: 'center' }),
    lines('de', [{ text: formatTicketCode(ticket.code), scale: 2, bold: true, align: 'center' }]),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: ticket.payload, moduleDots: qrModuleDots(profile) },
    { kind: 'feed', lines: 1 },
    lines('de', [{ text: checkInSentence(ticket, 'de'), align: 'center' }]),
    { kind: 'rule' },
    lines('de', detailLines(ticket, 'de')),
    ...(second ? secondLanguageSection(ticket, second) : []),
  ];
}

function lines(language: Language, content: TextLine[]): TicketBlock {
  return { kind: 'lines', language, lines: content };
}

/** The German lines, then the same lines in the second language if it says something else. */
function bilingual(
  second: Language | null,
  make: (language: Language) => TextLine[],
): TicketBlock[] {
  const german = make('de');
  const other = second ? make(second) : [];
  const differs = other.some((line, i) => line.text !== german[i]?.text);
  return second && differs ? [lines('de', german), lines(second, other)] : [lines('de', german)];
}

function secondLanguageSection(ticket: PrintableTicket, language: Language): TicketBlock[] {
  const p = TICKET_PHRASES[language];
  const when = `${formatDate(ticket.start, ticket, language)}${p.separator}${formatTime(ticket.start, ticket.timeZone, p)}`;
  return [
    { kind: 'rule' },
    lines(language, [
      { text: p.appointment, bold: true },
      { text: when },
      { text: checkInSentence(ticket, language) },
      { text: '' },
      ...detailLines(ticket, language),
    ]),
  ];
}

/** Concerns, what to bring, the online alternative and where to wait, in one language. */
function detailLines(ticket: PrintableTicket, language: Language): TextLine[] {
  const p = TICKET_PHRASES[language];
  const item = (text: LocalizedText): TextLine => ({
    text: `- ${localize(text, language)}`,
    indent: 2,
  });
  const urls = onlineAddresses(ticket);
  return [
    { text: p.concerns, bold: true },
    ...ticket.services.map((service) => item(service.names)),
    ...(ticket.bring.length > 0 ? [{ text: p.bring, bold: true }, ...ticket.bring.map(item)] : []),
    ...(urls.length > 0 ? [{ text: p.online, bold: true }, ...urls.map((text) => ({ text }))] : []),
    { text: p.waitHere, bold: true },
    { text: localize(ticket.waitingArea, language) },
    { text: p.watchDisplay },
  ];
}

/** Distinct online addresses, short: without scheme or trailing slash. */
function onlineAddresses(ticket: PrintableTicket): string[] {
  const all = [...ticket.services.map((s) => s.onlineUrl), ticket.onlineUrl];
  const short = all.filter((url): url is string => !!url).map(shortenUrl);
  return [...new Set(short)];
}

/** An address as a person types it. e.g. 'https://service.example-stadt.de/melde/' → 'service.example-stadt.de/melde' */
export function shortenUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

function checkInSentence(ticket: PrintableTicket, language: Language): string {
  return TICKET_PHRASES[language].checkIn(toWallTime(ticket.checkInOpensAt, ticket.timeZone));
}

function formatTime(instant: Instant, timeZone: string, phrases: TicketPhrases): string {
  return `${toWallTime(instant, timeZone)}${phrases.clockSuffix}`;
}

function formatDate(instant: Instant, ticket: PrintableTicket, language: Language): string {
  return new Intl.DateTimeFormat(TICKET_PHRASES[language].locale, {
    timeZone: ticket.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/**
 * The call number as large as the line allows a five-character number (e.g. 'K1042').
 * e.g. 48 columns → 6, 42 → 6, 32 → 5
 */
function callNumberScale(profile: PrinterProfile): number {
  return Math.min(6, Math.floor(profile.columns / 6));
}

/** Columns of printer text at a magnification. e.g. (80, 2) → 24; (TM-T88VI, 2) → 21 */
export function columnsAt(printer: PrinterSpec, scale: number): number {
  return Math.floor(printerProfile(printer).columns / scale);
}
