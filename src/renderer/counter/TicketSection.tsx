/** A titled list of tickets on the desk, or one line saying there are none. */
import type { ReactNode } from 'react';
import { AREA_WORDS, type TicketArea } from './ticket-lists.ts';
import type { CounterT } from './texts.ts';

interface TicketSectionProps {
  /** Names the section's class and heading id too: `co-waiting`, `co-waiting-heading`. */
  area: TicketArea;
  count: number;
  t: CounterT;
  children: ReactNode;
}

/** e.g. <TicketSection area="parked" count={0} t={t}>…</TicketSection> → "Geparkt (0)", "Nichts geparkt." */
export function TicketSection({ area, count, t, children }: TicketSectionProps) {
  const { heading, empty } = AREA_WORDS[area];
  return (
    <section className={`co-${area}`} aria-labelledby={`co-${area}-heading`}>
      <h2 id={`co-${area}-heading`}>{t(heading, { count })}</h2>
      {count === 0 ? <p className="co-none">{t(empty)}</p> : children}
    </section>
  );
}
