/**
 * The tickets of the check-in end-to-end test: one office day (Tuesday 2026-11-24, Berlin) with
 * a ticket for each outcome, signed with the key of the ticket-photo fixtures so that the
 * photographed ticket (test/fixtures/ticket-photos/ticket-01.jpg, A1GD-LK7T at 13:10) is real.
 * A real host must hold the same appointments to run the same test (see the report).
 */
import { readFileSync } from 'node:fs';
import type { Appointment, AppointmentStatus } from '../../../src/core/appointment.ts';
import type { CounterId, OfficeId, ServiceId, SlotId } from '../../../src/core/catalogue.ts';
import { type TicketCode, makeTicketCode } from '../../../src/core/ticket-code.ts';
import { buildTicketPayload } from '../../../src/core/ticket-payload.ts';
import { MINUTE_MS, zonedTimeToInstant } from '../../../src/core/time.ts';
import { createTicketSigner } from '../../../src/platform/ticket-signer.ts';

const MANIFEST = new URL('../../fixtures/ticket-photos/manifest.json', import.meta.url);
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
  key: string;
  timeZone: string;
  photos: { file: string; text: string }[];
};

export const TIME_ZONE = manifest.timeZone;
export const TICKET_KEY = manifest.key;
export const signTicket = createTicketSigner(TICKET_KEY);
/** The office clock starts here (TERMINMARKE_NOW for a real host) and runs in real time. */
export const NOW_ISO = '2026-11-24T13:02:00+01:00';
export const PHOTO_FILE = new URL('../../fixtures/ticket-photos/ticket-01.jpg', import.meta.url);
export const PHOTO_PAYLOAD = manifest.photos.find((p) => p.file === 'ticket-01.jpg')!.text;

export interface TestTicket {
  code: TicketCode;
  /** The QR payload, as a camera or hand scanner reads it. */
  payload: string;
  appointment: Appointment;
}

const at = (date: string, time: string) => zonedTimeToInstant(date, time, TIME_ZONE);

function ticket(
  code: string,
  callNumber: string,
  start: [string, string],
  status: AppointmentStatus = 'booked',
): TestTicket {
  const startAt = at(...start);
  const appointment: Appointment = {
    code: code as TicketCode,
    officeId: 'demo' as OfficeId,
    counterId: 'S1' as CounterId,
    slotIds: [`S1@${startAt}` as SlotId],
    start: startAt,
    end: startAt + 10 * MINUTE_MS,
    status,
    source: 'walk-in',
    serviceIds: ['99115003012000' as ServiceId],
    callNumber,
    createdAt: startAt - 60 * MINUTE_MS,
    heldUntil: null,
    checkedInAt: status === 'checked-in' ? startAt - 10 * MINUTE_MS : null,
  };
  const payload = buildTicketPayload(appointment.code, startAt, TIME_ZONE, signTicket);
  return { code: appointment.code, payload, appointment };
}

const code = (seed: number) => makeTicketCode([seed, seed + 3, seed + 7, seed + 11, 5, 9, 2]);

/** A fresh set of the day's tickets, one per outcome; `photo` is the ticket in the camera. */
export function makeTestTickets() {
  return {
    photo: ticket('A1GDLK7T', 'K140', ['2026-11-24', '13:10']),
    scanned: ticket(code(1), 'K141', ['2026-11-24', '13:15']),
    typed: ticket(code(2), 'K142', ['2026-11-24', '13:05']),
    early: ticket(code(3), 'K150', ['2026-11-24', '14:30']),
    late: ticket(code(4), 'K120', ['2026-11-24', '12:30']),
    cancelled: ticket(code(5), 'K143', ['2026-11-24', '13:20'], 'cancelled'),
    otherDay: ticket(code(6), 'K009', ['2026-11-25', '09:00']),
    already: ticket(code(7), 'K131', ['2026-11-24', '12:55'], 'checked-in'),
  };
}

export type TestTickets = ReturnType<typeof makeTestTickets>;
