/**
 * Group commit: writes that arrive in the same turn of the event loop run one after another in
 * one IMMEDIATE transaction that commits with synchronous=FULL, each inside its own savepoint.
 * One fsync then acknowledges many bookings, and none is answered before it is on disk.
 */
import { type WritableDb, withTicketTransaction } from '../store/database.ts';
import type { TransactionJournal } from './slot-index-cache.ts';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** At most this many writes share a commit, so one slow batch cannot grow without bound. */
const MAX_BATCH = 256;

export class WriteQueue {
  private pending: Job[] = [];
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly db: WritableDb,
    /** Called after each commit, e.g. to poke devices listening for changes. */
    private readonly afterCommit: () => void,
    /** Memory that follows the writes (the slot index) and must forget what is rolled back. */
    private readonly journal: TransactionJournal | null = null,
  ) {}

  /** Runs `work` in the next group transaction; resolves once it is durable. e.g. await q.run(() => book(…)) */
  run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Refuses new writes; those already queued still commit. */
  close(): void {
    this.closed = true;
    if (this.pending.length > 0) this.flush();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.pending.splice(0, MAX_BATCH);
    if (this.pending.length > 0) this.schedule();
    if (jobs.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = withTicketTransaction(this.db, () => {
        this.journal?.begin();
        return jobs.map((job) => this.runOne(job));
      });
    } catch (error) {
      this.journal?.rollback();
      for (const job of jobs) job.reject(error);
      return;
    }
    this.journal?.commit();
    jobs.forEach((job, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
    this.afterCommit();
  }

  private runOne(job: Job): Outcome {
    const mark = this.journal?.mark() ?? 0;
    try {
      // A nested better-sqlite3 transaction is a savepoint: a failing job undoes only itself.
      return { ok: true, value: this.db.transaction(job.work)() };
    } catch (error) {
      this.journal?.undoTo(mark);
      return { ok: false, error };
    }
  }
}
