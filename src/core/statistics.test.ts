import { describe, expect, it } from 'vitest';
import { type AppointmentFacts, computeStatistics, periodKey, periodKeys } from './statistics.ts';
import { parseIsoInstant } from './time.ts';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => parseIsoInstant(iso) as number;

function appointment(overrides: Partial<AppointmentFacts>): AppointmentFacts {
  return {
    source: 'walk-in',
    status: 'booked',
    start: at('2026-11-24T09:40:00+01:00'),
    shortSlots: 1,
    checkedInAt: null,
    firstCalledAt: null,
    arrivedAt: null,
    servedAt: null,
    ...overrides,
  };
}

/** Statistics in Berlin, by day for 24 November 2026 and nothing planned unless told. */
function statisticsOf(input: Partial<Parameters<typeof computeStatistics>[0]>) {
  return computeStatistics({
    timeZone: ZONE,
    from: '2026-11-24',
    to: '2026-11-24',
    by: 'day',
    shortSlotStarts: [],
    appointments: [],
    ...input,
  });
}

describe('computeStatistics', () => {
  it('counts tickets, used slots, check-ins, no-shows, waits and service times of a day', () => {
    const [day] = statisticsOf({
      shortSlotStarts: Array.from(
        { length: 10 },
        (_, i) => at('2026-11-24T09:00:00+01:00') + i * 600_000,
      ),
      appointments: [
        appointment({
          status: 'served',
          checkedInAt: at('2026-11-24T09:30:00+01:00'),
          firstCalledAt: at('2026-11-24T09:34:00+01:00'),
          arrivedAt: at('2026-11-24T09:35:00+01:00'),
          servedAt: at('2026-11-24T09:43:00+01:00'),
        }),
        appointment({
          status: 'served',
          shortSlots: 2,
          checkedInAt: at('2026-11-24T09:50:00+01:00'),
          firstCalledAt: at('2026-11-24T10:02:00+01:00'),
          arrivedAt: at('2026-11-24T10:03:00+01:00'),
          servedAt: at('2026-11-24T10:08:00+01:00'),
        }),
        appointment({
          source: 'online',
          status: 'checked-in',
          checkedInAt: at('2026-11-24T09:55:00+01:00'),
        }),
        appointment({ source: 'online', status: 'no-show' }),
        appointment({ status: 'cancelled' }),
        appointment({ status: 'held' }),
      ],
    });
    expect(day).toEqual({
      period: '2026-11-24',
      walkInTickets: 2,
      onlineBookings: 2,
      shortSlotsPlanned: 10,
      shortSlotsUsedWalkIn: 3,
      shortSlotsUsedOnline: 1,
      utilisation: 0.4,
      checkIns: 3,
      noShows: 1,
      medianWaitMinutes: 4,
      p90WaitMinutes: 12,
      medianServiceMinutes: 5,
    });
  });

  it('gives every period of the range, empty ones as zeros and nulls', () => {
    const periods = statisticsOf({ from: '2026-11-23', to: '2026-11-25' });
    expect(periods.map((p) => p.period)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(periods[0]).toMatchObject({
      walkInTickets: 0,
      utilisation: null,
      medianWaitMinutes: null,
    });
  });

  it('puts a check-in into the hour it happened in, the ticket into the hour of its slot', () => {
    const periods = statisticsOf({
      by: 'hour',
      appointments: [
        appointment({
          start: at('2026-11-24T10:05:00+01:00'),
          checkedInAt: at('2026-11-24T09:55:00+01:00'),
        }),
      ],
    });
    expect(periods).toHaveLength(24);
    const hour = (h: string) => periods.find((p) => p.period === `2026-11-24T${h}`);
    expect(hour('09')).toMatchObject({ checkIns: 1, walkInTickets: 0 });
    expect(hour('10')).toMatchObject({ checkIns: 0, walkInTickets: 1 });
  });

  it('reads periods in the office zone across the autumn clock change', () => {
    expect(periodKey(at('2026-10-25T02:30:00+02:00'), ZONE, 'hour')).toBe('2026-10-25T02');
    expect(periodKey(at('2026-10-25T02:30:00+01:00'), ZONE, 'hour')).toBe('2026-10-25T02');
    expect(periodKey(at('2026-11-24T23:30:00Z'), ZONE, 'day')).toBe('2026-11-25');
    expect(periodKeys('2026-10-25', '2026-10-25', 'hour')).toHaveLength(24);
  });
});
