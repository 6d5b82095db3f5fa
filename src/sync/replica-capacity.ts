/** Open capacity today from the local replica, as this device could issue it now. */
import { summarizeCapacity } from '../core/capacity.ts';
import type { Catalogue } from '../core/catalogue.ts';
import { indexSlots } from '../core/slot-search.ts';
import { type Instant, addDays, startOfLocalDay, toLocalDate } from '../core/time.ts';
import type { DeviceSchedule } from '../ports/device-schedule.ts';
import { decideWalkInPause } from '../core/walk-in-pause.ts';
import type { WritableDb } from '../store/database.ts';
import { loadPauses } from '../store/operations-repository.ts';
import { countWalkInsOn, listSlots } from '../store/schedule-repository.ts';
import { usableLeasedSlots } from './lease-issuer.ts';

/**
 * Capacity from the replica's slots. e.g. online → the replica's free slots until midnight and
 * issuing; offline with policy 'refuse' → nothing and not issuing; offline with a lease → the
 * leased slots, issuing while one is usable.
 */
export function capacityFromReplica(
  db: WritableDb,
  catalogue: Catalogue,
  online: boolean,
  now: Instant,
  /** Whose walk-in pause applies: this kiosk's and its office's; null for the office's only. */
  deviceId: string | null = null,
): ReturnType<DeviceSchedule['capacity']> {
  const { office } = catalogue;
  const pause = decideWalkInPause(loadPauses(db, office.id), deviceId, now, office.timeZone);
  const today = toLocalDate(now, office.timeZone);
  const dayEnd = startOfLocalDay(addDays(today, 1), office.timeZone);
  const refuse = office.policy.offlinePolicy === 'refuse';
  // Offline, this device can only give out its own leased slots: show those as the free ones.
  const slots = online
    ? listSlots(db, office.id, now, dayEnd)
    : refuse
      ? []
      : usableLeasedSlots(db, office.id, now).map((s) => ({
          ...s,
          status: 'free' as const,
        }));
  // The daily cap counts the office's walk-ins the replica knows of, as the server would.
  const walkInsToday = countWalkInsOn(db, office.id, today);
  const view = summarizeCapacity(catalogue, indexSlots(slots), office.policy, now, walkInsToday);
  const issuing = online || (!refuse && view.services.some((s) => s.nextFree !== null));
  if (!online || view.services.some((s) => s.nextFree !== null)) return { ...view, issuing, pause };
  // Nothing left today: the attract screen names the next day with capacity, so look further
  // ahead — only then, as it reads a few thousand rows.
  const ahead = listSlots(
    db,
    office.id,
    dayEnd,
    startOfLocalDay(addDays(today, LOOK_AHEAD_DAYS), office.timeZone),
  );
  const later = summarizeCapacity(
    catalogue,
    indexSlots([...slots, ...ahead]),
    office.policy,
    now,
    walkInsToday,
  );
  return { ...view, nextDayWithCapacity: later.nextDayWithCapacity, issuing, pause };
}

/** How far the replica looks for the next day with capacity (the server seeds two weeks). */
const LOOK_AHEAD_DAYS = 14;
