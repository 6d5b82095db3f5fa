/**
 * What the draw and check-in paths share with `SyncedDeviceSchedule`: the replica, the server,
 * the sync engine (connection state, office, ticket key), and the schedule's change listeners.
 */
import type { Catalogue } from '../core/catalogue.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';
import type { ScheduleChange } from '../ports/device-schedule.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import type { WritableDb } from '../store/database.ts';
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

/** Signs and checks ticket payloads offline with the office's key; throws before the first sync. */
export function ticketSigner(context: ScheduleContext): MessageSigner {
  const key = context.engine.office?.ticketKey;
  if (!key) throw new Error('this device has no ticket key yet (never synced)');
  return createTicketSigner(key);
}
