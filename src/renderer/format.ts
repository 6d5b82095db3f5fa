/**
 * Formatting for the citizen's screen. The host sends ready-made local `HH:MM` times; only
 * office-local dates (`YYYY-MM-DD`) are turned into words here.
 */
import type { Language } from '../core/catalogue.ts';
import { LANGUAGE_META } from './i18n/index.ts';

/** A local date as weekday, day and month. e.g. ('2026-11-25', 'de') → 'Mittwoch, 25. November' */
export function formatDay(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  // A calendar date has no zone: format noon UTC of that date in UTC so no offset can shift it.
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return new Intl.DateTimeFormat(LANGUAGE_META[language].locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(instant);
}

/** Names joined as a list in the language. e.g. (['A', 'B'], 'de') → 'A und B' */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(LANGUAGE_META[language].locale, {
    style: 'long',
    type: 'conjunction',
  }).format(items);
}

/** Whole seconds left until a deadline, never negative. e.g. (10_000, 7_400) → 3 */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
