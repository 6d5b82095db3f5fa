/**
 * The ticket as the keypad mode says it before printing (EN 301 549 §5.1.3.16): everything the
 * printed ticket holds, in the citizen's language. The call number and the Terminkennung are
 * spelled one character at a time, so a listener can write them down or say them at check-in;
 * the QR code cannot be read out, so the speech says what it is for.
 */
import type { OfficeView, TicketView } from '../../../host/contract.ts';
import { SPEECH_TEMPLATES, spellCallNumber } from '../../../speech/announcement.ts';
import { LANGUAGE_META } from '../../i18n/index.ts';
import { joinSentences } from '../../speech.ts';
import type { I18n } from '../i18n-context.ts';

/** A local date for the ear. e.g. ('2026-11-24', de) → 'Dienstag, 24. November 2026' */
export function spokenDate(date: string, i18n: Pick<I18n, 'language'>): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(LANGUAGE_META[i18n.language].locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/**
 * e.g. → 'Bürgerbüro Musterstadt. Ihre Aufrufnummer: K, 0, 4, 2. Ihr Termin: heute, 09:50 Uhr.
 * Dienstag, 24. November 2026. Terminkennung: K, 7, M, 4, Q, P, 2, 0. …'
 */
export function ticketSpeech(
  ticket: TicketView,
  office: Pick<OfficeView, 'name' | 'services'>,
  i18n: I18n,
): string {
  const { t, text } = i18n;
  const templates = SPEECH_TEMPLATES[i18n.language];
  const spell = (value: string) => spellCallNumber(value, templates);
  const online = ticket.services
    .map((chosen) => office.services.find((service) => service.id === chosen.id)?.onlineUrl)
    .filter((url): url is string => !!url)
    .map((url) => url.replace(/^https?:\/\//i, '').replace(/\/+$/, ''));
  const lines = [
    text(office.name),
    `${t.callNumber}: ${spell(ticket.callNumber)}`,
    `${t.appointment}: ${t.atTime(ticket.startTime)}`,
    spokenDate(ticket.date, i18n),
    `${t.ticketId}: ${spell(ticket.code)}`,
    `${t.concerns}: ${ticket.services.map((service) => text(service.names)).join(', ')}`,
    ...(ticket.bring.length > 0 ? [`${t.bring}: ${ticket.bring.map(text).join(', ')}`] : []),
    ...(online.length > 0 ? [`${t.onlineTitle}: ${[...new Set(online)].join(', ')}`] : []),
    `${t.waitHere}: ${text(ticket.waitingArea)}`,
    ticket.checkInNow ? t.checkInNow : t.checkInFrom(ticket.checkInFrom),
    t.watchDisplay,
    t.keypad.qrHint,
    t.keypad.repeatHint,
  ];
  return joinSentences(lines.join('\n'));
}
