/**
 * The desk's two lists of tickets besides the current one: who waits (a press calls one out of
 * order) and who is parked (a press resumes one). Their words, and what each list gets.
 */
import type { QueueTicketView } from '../../host/contract.ts';
import type { CounterKey, CounterT, StaffLanguage } from './texts.ts';

export type TicketArea = 'waiting' | 'parked';

/** Per list: its heading (with the count), its line for none, its button's word and name. */
export const AREA_WORDS: Record<
  TicketArea,
  { heading: CounterKey; empty: CounterKey; press: CounterKey; pressLabel: CounterKey }
> = {
  waiting: {
    heading: 'counter.waitingHeading',
    empty: 'counter.waitingEmpty',
    press: 'counter.callThis',
    pressLabel: 'counter.callThisLabel',
  },
  parked: {
    heading: 'counter.parkedHeading',
    empty: 'counter.parkedEmpty',
    press: 'counter.resume',
    pressLabel: 'counter.resumeLabel',
  },
};

/** What a list gets: the tickets and what a press on one does. */
export interface TicketListProps {
  tickets: QueueTicketView[];
  busy: boolean;
  onPress: (ticket: QueueTicketView) => void;
  language: StaffLanguage;
  t: CounterT;
}
