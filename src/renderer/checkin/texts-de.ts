/** German staff wording of the check-in window: the office language and the default. */
import type { CheckInTexts } from './texts.ts';
import { formatLocalDate } from './local-date.ts';

export const de: CheckInTexts = {
  languageName: 'Deutsch',
  switchLanguage: 'English',
  title: 'Check-in',

  cameraHeading: 'Kamera',
  cameraHint: 'QR-Code der Terminmarke in den Rahmen halten.',
  cameraStarting: 'Kamera startet …',
  cameraDenied: 'Kein Zugriff auf die Kamera. Bitte Handscanner oder Eingabe nutzen.',
  cameraMissing: 'Keine Kamera gefunden. Bitte Handscanner oder Eingabe nutzen.',
  cameraLabel: 'Kamerabild mit Zielrahmen für den QR-Code',
  scannerHint: 'Handscanner: einfach scannen. Der Scan wird automatisch erkannt.',

  manualHeading: 'Terminkennung eingeben',
  manualLabel: 'Terminkennung (8 Zeichen)',
  manualHint: '8 Zeichen wie auf der Terminmarke, z. B. K7M4-QP2X.',
  manualMissing: (count) => (count === 1 ? 'Noch 1 Zeichen.' : `Noch ${count} Zeichen.`),
  manualBadCharacter: (character, position) =>
    `„${character}“ (Stelle ${position}) kommt in keiner Terminkennung vor.`,
  manualTooLong: 'Zu lang: Eine Terminkennung hat 8 Zeichen.',
  manualCheckFailed: (shown) =>
    `${shown} stimmt nicht: Ein Zeichen ist falsch oder vertauscht. Bitte mit der Terminmarke vergleichen.`,
  manualComplete: (shown) => `${shown} ist vollständig.`,
  manualPlaceholder: 'z. B. K7M4-QP2X',
  submit: 'Einchecken',

  outcomeHeading: 'Ergebnis',
  idleTitle: 'Bereit',
  idleBody: 'Terminmarke scannen oder Terminkennung eingeben.',
  sending: 'Wird geprüft …',
  checkedIn: 'Eingecheckt',
  alreadyCheckedIn: 'Schon eingecheckt',
  alreadyBody: 'Nichts weiter zu tun. Bitte im Wartebereich warten.',
  tooEarly: 'Zu früh',
  tooEarlyBody: (opensAt) => `Einchecken geht ab ${opensAt} Uhr.`,
  tooLate: 'Zu spät',
  tooLateBody:
    'Der Termin ist verfallen. Bitte eine neue Terminmarke ziehen oder an der Information melden.',
  cancelled: 'Storniert',
  cancelledBody: 'Diese Terminmarke gilt nicht mehr. Bitte eine neue Terminmarke ziehen.',
  otherDay: 'Nicht heute',
  otherDayBody: (date) => `Der Termin ist am ${formatLocalDate(date, '.')}.`,
  unknown: 'Unbekannt',
  unknownBody: 'Diese Terminkennung ist nicht bekannt. Bitte an der Information klären.',
  invalid: 'Ungültig',
  invalidBody: 'Das ist keine gültige Terminmarke dieses Bürgerbüros.',
  failed: 'Keine Antwort',
  failedBody: 'Das Gerät hat nicht geantwortet. Bitte noch einmal scannen.',
  callNumber: (callNumber) => `Aufrufnummer ${callNumber}`,
  slotTime: (time) => `Termin ${time} Uhr`,
  ticketCode: (code) => `Terminkennung ${code}`,
  offline: 'Offline geprüft, wird hochgeladen, sobald die Verbindung steht.',
  via: { camera: 'per Kamera', scanner: 'per Handscanner', manual: 'per Eingabe' },
  at: (time) => `um ${time} Uhr`,

  waitingHeading: (count) => `Eingecheckt, wartet auf Aufruf (${count})`,
  waitingEmpty: 'Gerade wartet niemand.',
  columns: {
    callNumber: 'Nummer',
    slot: 'Termin',
    checkedInAt: 'Eingecheckt',
    services: 'Anliegen',
    code: 'Kennung',
  },

  staffCallsHeading: (count) => (count === 1 ? 'Personal gerufen' : `Personal gerufen (${count})`),
  staffCallLine: (call) =>
    `Kiosk ${call.deviceId} bittet um Hilfe${call.reason === 'accessibility' ? ' (Barrierefreiheit)' : ''} · ${call.time}`,
  staffCallDone: 'Erledigt',
  staffCallDoneLabel: (call) => `Erledigt: Kiosk ${call.deviceId}, ${call.time} Uhr`,

  statusLabel: 'Gerätestatus',
  connection: {
    online: 'Server verbunden',
    offline: 'Server nicht erreichbar',
    connecting: 'Verbinde …',
  },
  printer: {
    ready: 'Drucker bereit',
    offline: 'Drucker nicht verbunden',
    'paper-out': 'Drucker: kein Papier',
    'cover-open': 'Drucker: Klappe offen',
    unknown: 'Drucker: Status unbekannt',
  },
  pendingUploads: (count) =>
    count === 0
      ? 'alles hochgeladen'
      : `${count} ${count === 1 ? 'Vorgang wartet' : 'Vorgänge warten'} auf Upload`,
  statusUnknown: 'Status wird geladen …',
};
