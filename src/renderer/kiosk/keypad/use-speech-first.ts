/**
 * Speech-first screens (EN 301 549 §5.1.3.1/.3/.5, §5.1.6.2): in keypad mode each screen says its
 * title, its instruction and the focused item ("Punkt 2 von 5: Meldebescheinigung. ab 16:25
 * Uhr."), and the visible focus is always on the item being said. Every new utterance cuts off
 * the one before (`HostSpeech.speak`), so a key pressed while something is said acts at once.
 */
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { Language } from '../../../core/catalogue.ts';
import type { OfficeView } from '../../../host/contract.ts';
import { MESSAGES } from '../../i18n/index.ts';
import type { HostSpeech } from '../../speech.ts';
import type { I18n } from '../i18n-context.ts';
import type { Screen } from '../kiosk-flow.ts';
import { itemLabel, menuItems, screenIntro } from './screen-menu.ts';
import { ticketSpeech } from './ticket-speech.ts';

export interface SpeechFirstOptions {
  active: boolean;
  speech: HostSpeech;
  i18n: I18n;
  office: Pick<OfficeView, 'name' | 'services'>;
  screen: Screen;
  root: RefObject<HTMLElement | null>;
  /** The held ticket was read to its end: print it. */
  onTicketRead: () => void;
  onPlaying: (durationMs: number) => void;
}

export interface SpeechFirst {
  speakScreen(): void;
  /** Moves the focus by `delta` items (wrapping round) and says the item. */
  move(delta: number): void;
  /** Focuses the item at `position` (1-based) and says it. */
  choose(position: number): void;
  /** Presses the focused item. */
  activate(): void;
  /** A first tap on `element`: focus it and say it, with how to confirm. */
  point(element: HTMLElement): void;
  /** The ticket again on a ticket screen, else the screen again. */
  repeat(): void;
  say(text: string): void;
}

/** e.g. const nav = useSpeechFirst({ active: settings.keypad, speech, i18n, … }); nav.move(1) */
export function useSpeechFirst(options: SpeechFirstOptions): SpeechFirst {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const index = useRef(0);
  // Counts screen readings, so a press that changed the screen is not also said as an item.
  const readings = useRef(0);

  const nav = useMemo<SpeechFirst>(() => {
    const items = () => {
      const root = latest.current.root.current;
      return root ? menuItems(root) : [];
    };
    /** Says the focused item, in its own language on the language menu. */
    const sayItem = (prefix = '', suffix = '') => {
      const { speech, i18n } = latest.current;
      const list = items();
      const item = list[index.current];
      if (!item) {
        if (prefix) speech.speak(prefix, i18n.language);
        return;
      }
      item.focus();
      const lang = (item.dataset.language as Language | undefined) ?? i18n.language;
      const words = MESSAGES[lang];
      const text = `${words.keypad.item(index.current + 1, list.length, itemLabel(item, words))} ${suffix}`;
      if (lang === i18n.language) speech.speak(`${prefix} ${text}`.trim(), lang);
      else
        readInTurn([
          { lang: i18n.language, text: prefix },
          { lang, text },
        ]);
    };
    /** Parts one after the other, the focus following the part that carries an item. */
    const readInTurn = (parts: { lang: Language; text: string; item?: number }[]) => {
      const [first, ...rest] = parts.filter((part) => part.text.trim() !== '');
      if (!first) return;
      if (first.item !== undefined) {
        index.current = first.item;
        items()[first.item]?.focus();
      }
      latest.current.speech.speak(first.text, first.lang, { onEnd: () => readInTurn(rest) });
    };
    const sayLanguageMenu = () => {
      const { i18n } = latest.current;
      const list = items();
      readInTurn([
        { lang: i18n.language, text: `${i18n.t.keypad.welcome} ${i18n.t.keypad.chooseLanguage}` },
        ...list.map((item, at) => {
          const lang = (item.dataset.language as Language | undefined) ?? i18n.language;
          const words = MESSAGES[lang];
          const text = words.keypad.item(at + 1, list.length, itemLabel(item, words));
          return { lang, text, item: at };
        }),
      ]);
    };
    const sayTicket = (printAfter: boolean) => {
      const { screen, speech, i18n, office } = latest.current;
      if (!('ticket' in screen)) return false;
      speech.speak(ticketSpeech(screen.ticket, office, i18n), i18n.language, {
        onEnd: printAfter ? () => latest.current.onTicketRead() : undefined,
        onPlaying: (durationMs) => latest.current.onPlaying(durationMs),
      });
      return true;
    };
    const speakScreen = () => {
      const { screen, root } = latest.current;
      readings.current += 1;
      index.current = 0;
      if (!root.current) return;
      if (screen.name === 'reading') sayTicket(true);
      else if (screen.name === 'language') sayLanguageMenu();
      else sayItem(screenIntro(root.current));
    };
    const focusAt = (at: number, suffix = '') => {
      const count = items().length;
      if (count === 0) return speakScreen();
      index.current = ((at % count) + count) % count;
      sayItem('', suffix);
    };
    return {
      speakScreen,
      move: (delta) => focusAt(index.current + delta),
      choose: (position) => {
        if (position <= items().length) focusAt(position - 1);
      },
      activate() {
        const item = items()[index.current];
        if (!item) return speakScreen();
        const before = readings.current;
        item.click();
        // A toggle stays on its screen: say its new state. A new screen says itself.
        setTimeout(() => {
          if (readings.current === before && latest.current.active) sayItem();
        }, 50);
      },
      point(element) {
        const at = items().indexOf(element);
        const hint = latest.current.i18n.t.keypad.confirmHint;
        if (at >= 0) return focusAt(at, hint);
        element.focus();
        const { speech, i18n } = latest.current;
        speech.speak(`${itemLabel(element, i18n.t)} ${hint}`, i18n.language);
      },
      repeat() {
        const { screen } = latest.current;
        if (screen.name === 'reading' || !sayTicket(false)) speakScreen();
      },
      say(text) {
        latest.current.speech.speak(text, latest.current.i18n.language);
      },
    };
  }, []);

  const { active, screen, i18n } = options;
  useEffect(() => {
    if (active) nav.speakScreen();
  }, [nav, active, screen.name, i18n.language]);
  return nav;
}
