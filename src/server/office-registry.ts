/**
 * The offices a server knows: catalogue, zone and the ticket keys that sign and verify QR
 * payloads, loaded on first use. Catalogues change by `terminmarke office import`, keys by
 * `terminmarke key rotate` — both from another process on the same file — and a previous key
 * when it retires. The store watcher (store-watcher.ts) drops this cache on such a commit within
 * half a second; a request also checks `data_version` itself, so a rotation after a leak bites on
 * the very next request.
 */
import type { Catalogue, OfficeId } from '../core/catalogue.ts';
import type { MessageSigner } from '../core/ticket-payload.ts';
import type { Clock } from '../platform/clock.ts';
import { createTicketSigner } from '../platform/ticket-signer.ts';
import type { ReadableDb } from '../store/database.ts';
import { loadOffice } from '../store/schedule-repository.ts';
import { type TicketKeyRecord, loadTicketKeys } from '../store/ticket-key-repository.ts';

export interface OfficeContext {
  id: OfficeId;
  catalogue: Catalogue;
  timeZone: string;
  /** The keys that verify now, the current one first; only devices that verify offline get them. */
  ticketKeys: readonly TicketKeyRecord[];
  /** Signs with the current key. */
  sign: MessageSigner;
  /** Every key that still verifies, the current one first. */
  verifiers: readonly MessageSigner[];
}

interface Cached {
  context: OfficeContext;
  /** When the key set must be read again: a previous key retires. */
  stale: number;
}

export class OfficeRegistry {
  private readonly offices = new Map<string, Cached>();
  private readonly dataVersion: { get(): unknown };
  private seenVersion: unknown;

  constructor(
    private readonly db: ReadableDb,
    private readonly clock: Clock,
  ) {
    // data_version moves only when another connection commits (a `key rotate` beside the server).
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get();
  }

  /** The office or null for an unknown id. e.g. find('demo') → { catalogue, sign, … } */
  find(officeId: string): OfficeContext | null {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(officeId)) return null;
    const now = this.clock.now();
    const version = this.dataVersion.get();
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.offices.clear();
    }
    const cached = this.offices.get(officeId);
    if (cached && now < cached.stale) return cached.context;
    const record = loadOffice(this.db, officeId);
    if (!record) return null;
    const keys = loadTicketKeys(this.db, officeId, now);
    const current = keys[0];
    if (!current) throw new Error(`office "${officeId}" has no ticket key`);
    const verifiers = keys.map((k) => createTicketSigner(k.secret));
    const context: OfficeContext = {
      id: record.catalogue.office.id,
      catalogue: record.catalogue,
      timeZone: record.catalogue.office.timeZone,
      ticketKeys: keys,
      sign: createTicketSigner(current.secret),
      verifiers,
    };
    const retirements = keys.flatMap((k) => (k.retiresAt === null ? [] : [k.retiresAt]));
    this.offices.set(officeId, { context, stale: Math.min(Infinity, ...retirements) });
    return context;
  }

  /** Forgets every loaded office; the next request reads the store again. */
  invalidate(): void {
    this.offices.clear();
  }
}
