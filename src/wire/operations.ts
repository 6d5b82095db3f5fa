/**
 * Running an office: device heartbeats, the device overview and walk-in pauses. Heartbeats are
 * small and sent every 30 s by every device, so each field is bounded.
 */
import { z } from 'zod';
import { isWallTime, parseIsoInstant } from '../core/time.ts';
import type { PauseDecision, PauseRule, WalkInPauses } from '../core/walk-in-pause.ts';
import { claimedDevice, deviceId, iso, isoInstant, isoTime } from './fields.ts';

export const HEARTBEAT_ROLES = ['kiosk', 'checkin', 'counter', 'display'] as const;
export const PRINTER_REPORTS = ['ok', 'paper-low', 'paper-out', 'offline', 'unknown'] as const;
export type PrinterReport = (typeof PRINTER_REPORTS)[number];

/** Skew is reported up to a week either way: a clock further off is broken, not skewed. */
const MAX_SKEW_MS = 7 * 24 * 60 * 60 * 1000;
/** An outbox beyond this is reported as this (the overview only needs "many"). */
export const MAX_REPORTED_UPLOADS = 1_000_000;

export const heartbeatBody = z.strictObject({
  /** The token's device; only a token bound to no device (a demo's) needs it. */
  deviceId: claimedDevice,
  role: z.enum(HEARTBEAT_ROLES),
  /** The Terminmarke version the device runs. e.g. '0.1.0' */
  version: z
    .string()
    .regex(/^[0-9A-Za-z.+_-]{1,40}$/, 'expected a version like 0.1.0 (1–40 characters)'),
  /** `degraded`: the device runs but cannot reach the server for everything (uploads wait). */
  connection: z.enum(['online', 'degraded']),
  printer: z.strictObject({ state: z.enum(PRINTER_REPORTS) }).nullable(),
  pendingUploads: z.number().int().min(0).max(MAX_REPORTED_UPLOADS),
  clockSkewMs: z.number().int().min(-MAX_SKEW_MS).max(MAX_SKEW_MS).nullable(),
});
export type HeartbeatBody = z.infer<typeof heartbeatBody>;

export const deviceWire = z.object({
  deviceId: z.string(),
  /** The role from the last heartbeat, else the token's (the first, when it has several). */
  role: z.string(),
  version: z.string().nullable(),
  connection: z.enum(['online', 'degraded', 'offline']),
  lastSeen: isoTime.nullable(),
  printer: z.object({ state: z.enum(PRINTER_REPORTS) }).nullable(),
  pendingUploads: z.number().int().nullable(),
  clockSkewMs: z.number().int().nullable(),
});
export type DeviceWire = z.infer<typeof deviceWire>;

export const devicesAnswer = z.object({ devices: z.array(deviceWire) });

const wallTime = z.string().refine(isWallTime, 'expected a time HH:MM');

export const pauseWindow = z
  .strictObject({ from: wallTime, to: wallTime })
  .refine(
    (w) => w.from < w.to,
    'expected from before to on the same day (split a window at midnight)',
  );

/** `PUT …/walk-in-pause`: replaces the rule of the office, or of one kiosk with `deviceId`. */
export const pauseBody = z.strictObject({
  deviceId: deviceId.optional(),
  paused: z.boolean(),
  until: isoInstant.nullable().optional(),
  reason: z.string().trim().min(1).max(200).nullable().optional(),
  windows: z.array(pauseWindow).max(12).optional(),
});
export type PauseBody = z.input<typeof pauseBody>;

export const pauseRuleWire = z.object({
  paused: z.boolean(),
  until: isoTime.nullable(),
  reason: z.string().nullable(),
  windows: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type PauseRuleWire = z.infer<typeof pauseRuleWire>;

/** Whether walk-ins are paused now, and until when (null: until staff switch them on). */
export const pauseStateWire = z.object({
  paused: z.boolean(),
  until: isoTime.nullable(),
  reason: z.string().nullable(),
});
export type PauseStateWire = z.infer<typeof pauseStateWire>;

/** Every pause rule of an office; also what the change feed carries to devices. */
export const pausesWire = z.object({
  office: pauseRuleWire.nullable(),
  devices: z.array(pauseRuleWire.extend({ deviceId: z.string() })),
});
export type PausesWire = z.infer<typeof pausesWire>;

export const pauseAnswer = pausesWire.extend({
  /** The office as a whole right now. */
  now: pauseStateWire,
});

/** Rules as the wire carries them. e.g. office paused until 13:00Z in Berlin → until '…T14:00:00+01:00' */
export function toPausesWire(pauses: WalkInPauses, timeZone: string): PausesWire {
  return {
    office: pauses.office ? toRuleWire(pauses.office, timeZone) : null,
    devices: Object.entries(pauses.devices)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, rule]) => ({ deviceId: id, ...toRuleWire(rule, timeZone) })),
  };
}

function toRuleWire(rule: PauseRule, timeZone: string): PauseRuleWire {
  return {
    paused: rule.paused,
    until: iso(rule.until, timeZone),
    reason: rule.reason,
    windows: rule.windows.map((w) => ({ from: w.from, to: w.to })),
  };
}

/** Rules from the wire (the change feed on a device); an unreadable time counts as no end. */
export function pausesFromWire(wire: PausesWire): WalkInPauses {
  const devices: Record<string, PauseRule> = {};
  for (const { deviceId: id, ...rule } of wire.devices) devices[id] = ruleFromWire(rule);
  return { office: wire.office ? ruleFromWire(wire.office) : null, devices };
}

function ruleFromWire(rule: PauseRuleWire): PauseRule {
  return {
    paused: rule.paused,
    until: rule.until === null ? null : parseIsoInstant(rule.until),
    reason: rule.reason,
    windows: rule.windows,
  };
}

/** A decision as the wire says it. e.g. not paused → { paused: false, until: null, reason: null } */
export function toPauseStateWire(decision: PauseDecision, timeZone: string): PauseStateWire {
  if (!decision.paused) return { paused: false, until: null, reason: null };
  return { paused: true, until: iso(decision.until, timeZone), reason: decision.reason };
}
