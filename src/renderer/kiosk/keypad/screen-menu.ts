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

/** The title and the instruction (lead) of the screen in `root`. e.g. 'Was möchten Sie erledigen? Tippen Sie …' */
export function screenIntro(root: Element): string {
  const parts = [root.querySelector('h1'), root.querySelector('.lead')]
    .filter((element): element is Element => element !== null)
    .map((element) => textForSpeech(element));
  return parts.join(' ');
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
