/**
 * The answers the office page reads, as zod schemas: a malformed answer is an error that names
 * its field, never a cast. The queue's comes from the wire protocol; statistics and devices are
 * declared here in the shape the API documents (docs/statistics.md, docs/office-page.md).
 */
import { z } from 'zod';
import { QueueAnswer } from '../../wire/queue.ts';

export { QueueAnswer };
export type { QueueAppointmentWire as QueueEntry } from '../../wire/queue.ts';

const count = z.number().int().min(0);
const minutes = z.number().min(0).nullable();

export const PeriodFigures = z.object({
  period: z.string(),
  walkInTickets: count,
  onlineBookings: count,
  shortSlotsPlanned: count,
  shortSlotsUsedWalkIn: count,
  shortSlotsUsedOnline: count,
  utilisation: z.number().min(0).nullable(),
  checkIns: count,
  noShows: count,
  medianWaitMinutes: minutes,
  p90WaitMinutes: minutes,
  medianServiceMinutes: minutes,
});
export type PeriodFigures = z.infer<typeof PeriodFigures>;

export const StatisticsAnswer = z.object({ periods: z.array(PeriodFigures) });

export const CONNECTIONS = ['online', 'degraded', 'offline'] as const;
export const PRINTER_STATES = ['ok', 'paper-low', 'paper-out', 'offline', 'unknown'] as const;

export const DeviceEntry = z.object({
  deviceId: z.string(),
  role: z.string(),
  version: z.string().nullable(),
  connection: z.enum(CONNECTIONS),
  lastSeen: z.string().nullable(),
  // A state this page does not know yet reads as unknown rather than failing the whole panel.
  printer: z.object({ state: z.enum(PRINTER_STATES).catch('unknown') }).nullable(),
  pendingUploads: count.nullable(),
  clockSkewMs: z.number().nullable(),
});
export type DeviceEntry = z.infer<typeof DeviceEntry>;

export const DevicesAnswer = z.object({ devices: z.array(DeviceEntry) });

export const ErrorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
