/**
 * What the keypad mode reads of a screen: its title and instruction, and its items (the
 * buttons a person can press, in the order a sighted person reads them). Taken from the page
 * itself, so every screen, present and future, is speech-first without a list of its own.
 */
import { textForSpeech } from '../../speech.ts';
import type { Messages } from '../../i18n/index.ts';

/** The buttons of `root` a person can press now, in reading order. */
export function menuItems(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button')].filter(
    (button) =>
      !button.hasAttribute('disabled') &&
      button.closest('[aria-hidden="true"], [inert]') === null &&
      button.getClientRects().length > 0,
  );
}

/**
 * The title, the instruction (lead) and the facts of the screen in `root`: on an error screen the
 * cause and the next step. e.g. 'Leider kein freier Termin. … Freie Termine gibt es wieder am …'
 */
export function screenIntro(root: Element): string {
  return [...root.querySelectorAll('h1, .lead, p.fact')]
    .map((element) => textForSpeech(element))
    .join(' ');
}

/**
 * How an item is said: its words, and for a toggle whether it is chosen.
 * e.g. a pressed concern tile → 'Meldebescheinigung. ab 16:25 Uhr. gewählt.'
 */
export function itemLabel(item: Element, t: Pick<Messages, 'isChosen' | 'isNotChosen'>): string {
  const pressed = item.getAttribute('aria-pressed');
  const label = textForSpeech(item) || (item.getAttribute('aria-label') ?? '');
  if (pressed === null) return label;
  return `${label} ${pressed === 'true' ? t.isChosen : t.isNotChosen}.`;
}
