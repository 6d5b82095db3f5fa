/**
 * What a counter and a display read from the server: the queue's answers are parsed with the one
 * wire protocol's schemas (`src/wire/queue.ts`), so a malformed answer is an error with a name;
 * this file adds the catalogue part a counter needs for service names, and local times.
 */
import { z } from 'zod';
import { localizedText } from '../wire/catalogue.ts';
import type { CountersAnswer as CountersAnswerSchema } from '../wire/queue.ts';
import { type QueueAppointmentWire } from '../wire/queue.ts';

export {
  CallAnswer as callAnswer,
  CountersAnswer as countersAnswer,
  DisplayAnswer as displayAnswer,
  QueueAnswer as queueAnswer,
} from '../wire/queue.ts';
export type { DisplayAnswer, QueueAnswer } from '../wire/queue.ts';
export type CountersAnswer = z.infer<typeof CountersAnswerSchema>;
/** One ticket of `GET …/queue`. */
export type QueueEntry = QueueAppointmentWire;

/** The part of `GET …/device-config` a counter uses: the services' names in every language. */
export const serviceNamesAnswer = z.object({
  catalogue: z.object({
    services: z.array(z.object({ id: z.string(), names: localizedText })),
  }),
});

/** Local `HH:MM` of an ISO time the server wrote in the office zone. e.g. '2026-11-24T09:40:00+01:00' → '09:40' */
export function localTimeOf(iso: string): string {
  return /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? '';
}
