/** English staff wording of the check-in window. */
import type { CheckInTexts } from './texts.ts';
import { formatLocalDate } from './local-date.ts';

export const en: CheckInTexts = {
  languageName: 'English',
  switchLanguage: 'Deutsch',
  title: 'Check-in',

  cameraHeading: 'Camera',
  cameraHint: 'Hold the QR code of the ticket inside the frame.',
  cameraStarting: 'Starting the camera …',
  cameraDenied: 'No access to the camera. Please use the hand scanner or type the code.',
  cameraMissing: 'No camera found. Please use the hand scanner or type the code.',
  cameraLabel: 'Camera picture with a target frame for the QR code',
  scannerHint: 'Hand scanner: just scan. The scan is recognised automatically.',

  manualHeading: 'Type the ticket code',
  manualLabel: 'Ticket code (8 characters)',
  manualHint: '8 characters as on the ticket, e.g. K7M4-QP2X.',
  manualMissing: (count) => (count === 1 ? '1 more character.' : `${count} more characters.`),
  manualBadCharacter: (character, position) =>
    `“${character}” (position ${position}) is never part of a ticket code.`,
  manualTooLong: 'Too long: a ticket code has 8 characters.',
  manualCheckFailed: (shown) =>
    `${shown} is not right: one character is wrong or two are swapped. Please compare with the ticket.`,
  manualComplete: (shown) => `${shown} is complete.`,
  manualPlaceholder: 'e.g. K7M4-QP2X',
  submit: 'Check in',

  outcomeHeading: 'Result',
  idleTitle: 'Ready',
  idleBody: 'Scan a ticket or type its code.',
  sending: 'Checking …',
  checkedIn: 'Checked in',
  alreadyCheckedIn: 'Already checked in',
  alreadyBody: 'Nothing more to do. Please wait in the waiting area.',
  tooEarly: 'Too early',
  tooEarlyBody: (opensAt) => `Check-in opens at ${opensAt}.`,
  tooLate: 'Too late',
  tooLateBody:
    'The appointment has lapsed. Please draw a new ticket or go to the information desk.',
  cancelled: 'Cancelled',
  cancelledBody: 'This ticket is no longer valid. Please draw a new ticket.',
  otherDay: 'Not today',
  otherDayBody: (date) => `The appointment is on ${formatLocalDate(date, '/')}.`,
  unknown: 'Unknown',
  unknownBody: 'This ticket code is not known. Please sort it out at the information desk.',
  invalid: 'Invalid',
  invalidBody: 'This is not a valid ticket of this office.',
  failed: 'No answer',
  failedBody: 'The device did not answer. Please scan again.',
  callNumber: (callNumber) => `Call number ${callNumber}`,
  slotTime: (time) => `Appointment ${time}`,
  ticketCode: (code) => `Ticket code ${code}`,
  offline: 'Verified offline, will be uploaded when the connection is back.',
  via: { camera: 'by camera', scanner: 'by hand scanner', manual: 'typed in' },
  at: (time) => `at ${time}`,

  waitingHeading: (count) => `Checked in, waiting to be called (${count})`,
  waitingEmpty: 'Nobody is waiting right now.',
  columns: {
    callNumber: 'Number',
    slot: 'Appointment',
    checkedInAt: 'Checked in',
    services: 'Concern',
    code: 'Code',
  },

  staffCallsHeading: (count) => (count === 1 ? 'Staff called' : `Staff called (${count})`),
  staffCallLine: (call) =>
    `Kiosk ${call.deviceId} asks for help${call.reason === 'accessibility' ? ' (accessibility)' : ''} · ${call.time}`,
  staffCallDone: 'Done',
  staffCallDoneLabel: (call) => `Done: kiosk ${call.deviceId}, ${call.time}`,

  statusLabel: 'Device status',
  connection: {
    online: 'Server connected',
    offline: 'Server unreachable',
    connecting: 'Connecting …',
  },
  printer: {
    ready: 'Printer ready',
    offline: 'Printer not connected',
    'paper-out': 'Printer: out of paper',
    'cover-open': 'Printer: cover open',
    unknown: 'Printer: status unknown',
  },
  pendingUploads: (count) =>
    count === 0
      ? 'all uploaded'
      : `${count} ${count === 1 ? 'record waits' : 'records wait'} for upload`,
  statusUnknown: 'Loading status …',
};
