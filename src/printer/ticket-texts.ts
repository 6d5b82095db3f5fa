/**
 * The fixed words of a printed ticket in every language of the citizen's screen (design.md §7).
 * Plain language: short sentences, the action first.
 */
import type { Language } from '../core/catalogue.ts';

export interface TicketPhrases {
  callNumber: string;
  appointment: string;
  concerns: string;
  ticketId: string;
  /** `{time}` is the wall time check-in opens. */
  checkIn: string;
  bring: string;
  online: string;
  waitHere: string;
  watchDisplay: string;
  /** Appended to wall times, e.g. German 'Uhr'; empty where a language does not say it. */
  clockSuffix: string;
  /** Between date and time, e.g. the Arabic comma. */
  separator: string;
  /** BCP 47 tag for dates; Latin digits everywhere so times read the same as on the display. */
  locale: string;
}

export const TICKET_PHRASES: Record<Language, TicketPhrases> = {
  de: {
    callNumber: 'Ihre Aufrufnummer',
    appointment: 'Ihr Termin',
    concerns: 'Ihr Anliegen',
    ticketId: 'Terminkennung',
    checkIn: 'Einchecken ab {time} Uhr mit dem QR-Code oder der Terminkennung.',
    bring: 'Bitte mitbringen:',
    online: 'Auch online möglich:',
    waitHere: 'Bitte warten Sie hier:',
    watchDisplay: 'Ihre Nummer erscheint auf der Anzeige.',
    clockSuffix: ' Uhr',
    separator: ', ',
    locale: 'de-DE',
  },
  en: {
    callNumber: 'Your call number',
    appointment: 'Your appointment',
    concerns: 'Your concern',
    ticketId: 'Ticket ID',
    checkIn: 'Check in from {time} with the QR code or the ticket ID.',
    bring: 'Please bring:',
    online: 'Also possible online:',
    waitHere: 'Please wait here:',
    watchDisplay: 'Your number will appear on the display.',
    clockSuffix: '',
    separator: ', ',
    locale: 'en-GB',
  },
  tr: {
    callNumber: 'Çağrı numaranız',
    appointment: 'Randevunuz',
    concerns: 'İşleminiz',
    ticketId: 'Bilet kodu',
    checkIn: 'Saat {time} itibarıyla QR kod veya bilet kodu ile giriş yapın.',
    bring: 'Lütfen yanınızda getirin:',
    online: 'Çevrimiçi de yapılabilir:',
    waitHere: 'Lütfen burada bekleyin:',
    watchDisplay: 'Numaranız ekranda görünecek.',
    clockSuffix: '',
    separator: ', ',
    locale: 'tr-TR',
  },
  ar: {
    callNumber: 'رقم الاستدعاء الخاص بك',
    appointment: 'موعدك',
    concerns: 'طلبك',
    ticketId: 'رمز التذكرة',
    checkIn: 'سجّل حضورك ابتداءً من الساعة {time} برمز QR أو برمز التذكرة.',
    bring: 'يرجى إحضار:',
    online: 'متاح أيضًا عبر الإنترنت:',
    waitHere: 'يرجى الانتظار هنا:',
    watchDisplay: 'سيظهر رقمك على الشاشة.',
    clockSuffix: '',
    separator: '، ',
    locale: 'ar-u-nu-latn',
  },
  uk: {
    callNumber: 'Ваш номер виклику',
    appointment: 'Ваш час прийому',
    concerns: 'Ваше питання',
    ticketId: 'Код талона',
    checkIn: 'Реєстрація з {time} за QR-кодом або кодом талона.',
    bring: 'Візьміть із собою:',
    online: 'Також можна онлайн:',
    waitHere: 'Будь ласка, зачекайте тут:',
    watchDisplay: "Ваш номер з'явиться на табло.",
    clockSuffix: '',
    separator: ', ',
    locale: 'uk-UA',
  },
  ru: {
    callNumber: 'Ваш номер вызова',
    appointment: 'Ваше время приёма',
    concerns: 'Ваш вопрос',
    ticketId: 'Код талона',
    checkIn: 'Регистрация с {time} по QR-коду или коду талона.',
    bring: 'Возьмите с собой:',
    online: 'Также можно онлайн:',
    waitHere: 'Пожалуйста, ожидайте здесь:',
    watchDisplay: 'Ваш номер появится на табло.',
    clockSuffix: '',
    separator: ', ',
    locale: 'ru-RU',
  },
  pl: {
    callNumber: 'Twój numer',
    appointment: 'Twój termin',
    concerns: 'Twoja sprawa',
    ticketId: 'Kod biletu',
    checkIn: 'Zgłoś się od {time} z kodem QR lub kodem biletu.',
    bring: 'Prosimy zabrać:',
    online: 'Można też online:',
    waitHere: 'Prosimy czekać tutaj:',
    watchDisplay: 'Twój numer pojawi się na tablicy.',
    clockSuffix: '',
    separator: ', ',
    locale: 'pl-PL',
  },
};

/** Right-to-left languages, whose picture text is set from the right edge. e.g. 'ar' → true */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}
