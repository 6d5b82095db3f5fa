/**
 * Walk-in pauses: issuance switched off for a whole office or one kiosk, now (optionally until an
 * instant) or by daily windows in office time (e.g. the lunch hour). Pure: the server decides with
 * it before a draw, and a kiosk decides with the same rules and its own clock while offline.
 */
import {
  type Instant,
  type WallTime,
  toLocalDate,
  toWallTime,
  zonedTimeToInstant,
} from './time.ts';

/** A daily window in office time, `from` inclusive, `to` exclusive, within one day. */
export interface PauseWindow {
  from: WallTime;
  to: WallTime;
}

/** One pause rule, for an office or one kiosk. */
export interface PauseRule {
  /** Switched off now: until `until`, or until switched on again when that is null. */
  paused: boolean;
  until: Instant | null;
  /** Staff's note for the overview (never shown to citizens: the kiosk has its own words). */
  reason: string | null;
  windows: readonly PauseWindow[];
}

/** Every rule of an office: its own, and those of single kiosks by device id. */
export interface WalkInPauses {
  office: PauseRule | null;
  devices: Readonly<Record<string, PauseRule>>;
}

export type PauseDecision =
  | { paused: false }
  /** `until`: when issuance resumes by itself; null when only staff can switch it on again. */
  | { paused: true; until: Instant | null; reason: string | null };

export const NO_PAUSES: WalkInPauses = { office: null, devices: {} };

/** A rule that pauses nothing, now or ever: it may as well be deleted. */
export function isEmptyRule(rule: PauseRule): boolean {
  return !rule.paused && rule.windows.length === 0;
}

interface Span {
  until: Instant | null;
  reason: string | null;
}

/** Where a rule pauses at `now`, and until when. */
function activeSpan(rule: PauseRule, now: Instant, timeZone: string): Span | null {
  if (rule.paused && (rule.until === null || now < rule.until)) {
    return { until: rule.until, reason: rule.reason };
  }
  const time = toWallTime(now, timeZone);
  const window = rule.windows.find((w) => w.from <= time && time < w.to);
  if (!window) return null;
  const until = zonedTimeToInstant(toLocalDate(now, timeZone), window.to, timeZone);
  return { until, reason: rule.reason };
}

/** How many back-to-back spans are followed to find the real end of a pause. */
const MAX_CHAIN = 16;

/**
 * Whether walk-ins are paused for a device (null: the office as a whole) at `now`, and until when.
 * Adjacent or overlapping pauses are followed to their common end.
 * e.g. office window 12:00–13:00, kiosk paused until 13:30, at 12:10 → paused until 13:30;
 * windows 12:00–13:00 and 13:00–13:15 at 12:59 → paused until 13:15
 */
export function decideWalkInPause(
  pauses: WalkInPauses,
  deviceId: string | null,
  now: Instant,
  timeZone: string,
): PauseDecision {
  const rules = [pauses.office, deviceId === null ? null : (pauses.devices[deviceId] ?? null)];
  const first = combinedSpan(rules, now, timeZone);
  if (!first) return { paused: false };
  let until = first.until;
  for (let step = 0; until !== null && step < MAX_CHAIN; step++) {
    const next = combinedSpan(rules, until, timeZone);
    if (!next) break;
    if (next.until !== null && next.until <= until) break;
    until = next.until;
  }
  return { paused: true, until, reason: first.reason };
}

/** The spans of every rule active at `now`, merged: the latest end, or null if one is open. */
function combinedSpan(
  rules: readonly (PauseRule | null)[],
  now: Instant,
  timeZone: string,
): Span | null {
  const spans = rules.flatMap((rule) => {
    const span = rule ? activeSpan(rule, now, timeZone) : null;
    return span ? [span] : [];
  });
  if (spans.length === 0) return null;
  const open = spans.some((span) => span.until === null);
  const until = open ? null : Math.max(...spans.map((span) => span.until ?? 0));
  const reason = spans.find((span) => span.reason !== null)?.reason ?? null;
  return { until, reason };
}
