/**
 * What the device host needs from the schedule side (implemented by `src/sync`): a local replica
 * kept in step with the central server, that issues from a lease when the server is away.
 * The host turns these domain values into the contract's views.
 */
import type { Appointment } from '../core/appointment.ts';
import type { CapacityView as CoreCapacity } from '../core/capacity.ts';
import type { Catalogue, Language, ServiceId } from '../core/catalogue.ts';
import type { CheckInOutcome } from '../core/check-in.ts';
import type { NoCapacity } from '../core/slot-search.ts';
import type { StaffCall, StaffCallReason } from '../core/staff-call.ts';
import type { Instant } from '../core/time.ts';
import type { PauseDecision } from '../core/walk-in-pause.ts';

export type HoldResult =
  | {
      kind: 'held';
      appointment: Appointment;
      /** The QR payload, signed with the office key. */
      payload: string;
      heldUntil: Instant;
      /** Issued from the lease while the server was unreachable. */
      offline: boolean;
    }
  | NoCapacity
  /** Offline with `offlinePolicy: "refuse"`, or offline with the lease used up. */
  | { kind: 'refused'; reason: 'offline' }
  /** Walk-ins are paused for this kiosk or its office; `until` null: until staff switch them on. */
  | { kind: 'paused'; until: Instant | null };

export interface CheckInRecord {
  outcome: CheckInOutcome;
  appointment: Appointment | null;
  /** Decided from the QR code's MAC without the server; uploaded later. */
  offline: boolean;
}

export interface ScheduleStatus {
  connection: 'online' | 'offline' | 'connecting';
  /** Outbox entries not yet accepted by the server. */
  pendingUploads: number;
  /** Uploads the server refused for good, or that keep failing: staff must act on each. */
  attention: AttentionItem[];
  /** This device's clock minus the server's, measured at the last sync; null before one. */
  clockSkewMs: number | null;
}

/** An upload that needs a person. e.g. ticket K014 at 10:20, refused with `lease-lost` */
export interface AttentionItem {
  problem: 'refused' | 'stuck';
  /** The ticket concerned, when the upload is about one this device knows. */
  code: string | null;
  callNumber: string | null;
  start: Instant | null;
  /** The server's error code (refused) or the last failure (stuck). */
  reason: string;
}

/**
 * `staff`: the open staff calls changed (a kiosk called, or staff marked one done);
 * `attention`: an upload was refused or became stuck.
 */
export type ScheduleChange = 'schedule' | 'connection' | 'staff' | 'attention';

export interface DeviceSchedule {
  /** The office catalogue as last synced; null before the first successful sync. */
  catalogue(): Catalogue | null;
  /**
   * Open capacity from the local replica, as this device could issue it now, and whether walk-ins
   * are paused for it (decided on the device from the synced rules and its own clock).
   */
  capacity(now: Instant): CoreCapacity & { issuing: boolean; pause: PauseDecision };
  /**
   * Reserves the next free slot for a walk-in (status `held` until confirmed): through the server
   * when it answers, else from this kiosk's lease. `requestId` makes a retry idempotent.
   */
  holdWalkIn(
    /** `language`: the one the citizen drew in, stored with the ticket for the call display. */
    request: { serviceIds: ServiceId[]; deviceId: string; requestId: string; language?: Language },
    now: Instant,
  ): Promise<HoldResult>;
  /**
   * Records durably, before the ticket goes to the printer, that it may end up on paper: if the
   * process dies before `confirm`, the next start confirms it.
   */
  markPrinting(code: string, now: Instant): Promise<void>;
  /** The printer reported that nothing was printed: undoes `markPrinting`. */
  printFailed(code: string, now: Instant): Promise<void>;
  /** The ticket is in the citizen's hand (printed, or kept on screen): book it. */
  confirm(code: string, now: Instant): Promise<void>;
  /** The ticket was never handed out: free its slots. */
  release(code: string, now: Instant): Promise<void>;
  /** Checks in scanned or typed input; works offline from the QR payload's MAC. */
  checkIn(input: string, deviceId: string, now: Instant): Promise<CheckInRecord>;
  /** Today's checked-in appointments waiting to be called, by slot start. */
  waiting(now: Instant): Appointment[];
  /**
   * Records a "call staff" from this kiosk: on the server when it answers, else locally and in the
   * outbox for later. Resolves once it is stored in either place.
   */
  callStaff(reason: StaffCallReason, deviceId: string, now: Instant): Promise<StaffCall>;
  /** Today's open staff calls of the office, oldest first, as this replica knows them. */
  openStaffCalls(now: Instant): StaffCall[];
  /** Staff dealt with a call; false when the call is unknown here. */
  finishStaffCall(id: string, now: Instant): Promise<boolean>;
  status(): ScheduleStatus;
  /** Called after the replica or the connection changed; returns its disposer. */
  onChange(listener: (change: ScheduleChange) => void): () => void;
}
