/**
 * The offices a server knows: catalogue, zone and the signer for QR payloads, loaded on first use.
 * A catalogue changes only by `terminmarke office import`, which writes from another process; the
 * store watcher (store-watcher.ts) drops this cache when it sees that, so one read per request
 * stays enough.
 */
import type { Catalogue, OfficeId } from '../core/catalogue.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import type { ReadableDb } from '../store/database.ts';
import { loadOffice } from '../store/schedule-repository.ts';

export interface OfficeContext {
  id: OfficeId;
  catalogue: Catalogue;
  timeZone: string;
  ticketKey: string;
  sign: MessageSigner;
}

export class OfficeRegistry {
  private readonly offices = new Map<string, OfficeContext | null>();
  constructor(private readonly db: ReadableDb) {}

  /** The office or null for an unknown id. e.g. find('demo') → { catalogue, sign, … } */
  find(officeId: string): OfficeContext | null {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(officeId)) return null;
    const cached = this.offices.get(officeId);
    if (cached) return cached;
    const record = loadOffice(this.db, officeId);
    if (!record) return null;
    const context: OfficeContext = {
      id: record.catalogue.office.id,
      catalogue: record.catalogue,
      timeZone: record.catalogue.office.timeZone,
      ticketKey: record.ticketKey,
      sign: createTicketSigner(record.ticketKey),
    };
    this.offices.set(officeId, context);
    return context;
  }

  /** Forgets every loaded office; the next request reads the store again. */
  invalidate(): void {
    this.offices.clear();
  }
}
