/**
 * What the draw and check-in paths share with `SyncedDeviceSchedule`: the replica, the server,
 * the sync engine (connection state, office), the ticket keys (on devices that verify offline),
 * and the schedule's change listeners.
 */
import type { Catalogue } from '../core/catalogue.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';
import type { ScheduleChange } from '../ports/device-schedule.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import type { Instant } from '../core/time.ts';
import type { WritableDb } from '../store/database.ts';
import { loadTicketKeys } from '../store/ticket-key-repository.ts';
import type { ServerApi } from './api-client.ts';
import type { SyncEngine } from './sync-engine.ts';

export interface ScheduleContext {
  db: WritableDb;
  api: ServerApi;
  engine: SyncEngine;
  officeId: string;
  /** How long a draw or check-in waits for the server before working offline. */
  timeoutMs: number;
  /** Tells the schedule's listeners. */
  emit(change: ScheduleChange): void;
}

/** The office catalogue from the last sync. e.g. a device that never synced → null */
export function currentCatalogue(context: ScheduleContext): Catalogue | null {
  return context.engine.office?.catalogue ?? null;
}

/** The office catalogue, or throws on a device that has not loaded its office yet. */
export function requireCatalogue(context: ScheduleContext): Catalogue {
  const catalogue = currentCatalogue(context);
  if (!catalogue) throw new Error('this device has not loaded its office yet');
  return catalogue;
}

/**
 * Checks ticket payloads offline with the office keys this replica holds, the current one first;
 * none on a device that does not verify offline (a lobby kiosk), so every payload fails there.
 */
export function ticketVerifiers(context: ScheduleContext, now: Instant): MessageSigner[] {
  return loadTicketKeys(context.db, context.officeId, now).map((k) => createTicketSigner(k.secret));
}
