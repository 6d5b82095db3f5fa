/**
 * Each office's slots as an in-memory `SlotIndex`, so a booking does not read and sort hundreds of
 * slot rows per request (the booking storm's profile: three quarters of the server's CPU). SQLite
 * stays the truth: the index is filled from it, follows every slot row the change feed records
 * (the one place every slot write already passes, since device replicas depend on it), undoes
 * what a rolled-back write queue job changed, and is rebuilt when another connection committed.
 * The unique index `one_occupant_per_slot` remains the final guard should it ever disagree.
 */
import type Database from 'better-sqlite3';
import type { Slot, SlotId } from '../core/catalogue.ts';
import { type SlotIndex, indexSlots } from '../core/slot-search.ts';
import type { ReadableDb } from '../store/database.ts';
import { listSlots } from '../store/schedule-repository.ts';

interface OfficeSlots {
  index: SlotIndex;
  /** Where each slot sits in its counter's list, to replace it in place. */
  positions: Map<SlotId, { list: Slot[]; at: number }>;
  /** Tells undo entries of an index that was since dropped from those of this one. */
  generation: number;
}

/** One change to undo if its write is rolled back: the slot as it was, or "this was built". */
type UndoEntry =
  | { officeId: string; generation: number; before: Slot }
  | { officeId: string; generation: number; built: true };

/** What a write queue tells a cache about its transaction and each job's savepoint. */
export interface TransactionJournal {
  begin(): void;
  /** A point to undo to, taken before each job. */
  mark(): number;
  undoTo(mark: number): void;
  commit(): void;
  rollback(): void;
}

export class SlotIndexCache implements TransactionJournal {
  private readonly offices = new Map<string, OfficeSlots>();
  private readonly dataVersion: Database.Statement;
  private seenVersion: number;
  private journal: UndoEntry[] | null = null;
  private generations = 0;

  constructor(private readonly db: ReadableDb) {
    // data_version moves only when another connection commits (sqlite.org/pragma.html#pragma_data_version).
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get() as number;
  }

  /** The office's slots, from memory. e.g. indexOf('demo').byCounter.get('C1') → its slots by start */
  indexOf(officeId: string): SlotIndex {
    this.dropIfChangedElsewhere();
    return (this.offices.get(officeId) ?? this.build(officeId)).index;
  }

  /**
   * Takes a slot's current row into the index (called for each slot the change feed records).
   * A slot the index does not know in that place makes it rebuild from the store on next use.
   */
  apply(officeId: string, slot: Slot): void {
    const office = this.offices.get(officeId);
    if (!office) return;
    const place = office.positions.get(slot.id);
    const before = place?.list[place.at];
    const moved =
      !before ||
      before.counterId !== slot.counterId ||
      before.start !== slot.start ||
      before.end !== slot.end;
    if (!place || moved) {
      // The grid itself changed (a slot added or moved): cheaper to rebuild than to re-sort.
      this.invalidate(officeId);
      return;
    }
    this.journal?.push({ officeId, generation: office.generation, before });
    place.list[place.at] = slot;
  }

  /** Forgets an office's index (or every one); the next read rebuilds it from the store. */
  invalidate(officeId?: string): void {
    if (officeId === undefined) this.offices.clear();
    else this.offices.delete(officeId);
  }

  /** Called inside the write transaction, once it holds the write lock. */
  begin(): void {
    this.dropIfChangedElsewhere();
    this.journal = [];
  }

  mark(): number {
    return this.journal?.length ?? 0;
  }

  undoTo(mark: number): void {
    const journal = this.journal;
    if (!journal) return;
    while (journal.length > mark) this.undo(journal.pop() as UndoEntry);
  }

  commit(): void {
    this.journal = null;
  }

  rollback(): void {
    this.undoTo(0);
    this.journal = null;
  }

  private undo(entry: UndoEntry): void {
    const office = this.offices.get(entry.officeId);
    if (!office || office.generation !== entry.generation) return;
    if ('built' in entry) {
      // Built from rows this transaction wrote: those rows are gone now.
      this.invalidate(entry.officeId);
      return;
    }
    const place = office.positions.get(entry.before.id);
    if (place) place.list[place.at] = entry.before;
  }

  private build(officeId: string): OfficeSlots {
    const index = indexSlots(
      listSlots(this.db, officeId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    );
    const positions = new Map<SlotId, { list: Slot[]; at: number }>();
    // indexSlots hands out fresh arrays; this cache owns them and replaces entries in place.
    for (const list of index.byCounter.values() as Iterable<Slot[]>) {
      list.forEach((slot, at) => positions.set(slot.id, { list, at }));
    }
    const office: OfficeSlots = { index, positions, generation: ++this.generations };
    this.offices.set(officeId, office);
    this.journal?.push({ officeId, generation: office.generation, built: true });
    return office;
  }

  private dropIfChangedElsewhere(): void {
    if (this.journal) return; // inside our own write transaction nobody else can commit
    const version = this.dataVersion.get() as number;
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.invalidate();
  }
}
