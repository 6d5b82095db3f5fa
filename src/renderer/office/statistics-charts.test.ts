import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../core/statistics.ts';
import type { PeriodFigures } from './answers.ts';
import {
  hasFigures,
  noShowsPerDay,
  statisticsCharts,
  utilisationPerDay,
  waitPerDay,
  walkInsAndOnlinePerHour,
} from './statistics-charts.ts';

/** A period with nothing in it, as the core's statistics give one, named and with `figures`. */
function period(name: string, figures: Partial<PeriodFigures> = {}): PeriodFigures {
  const [empty] = computeStatistics({
    timeZone: 'Europe/Berlin',
    from: '2026-11-23',
    to: '2026-11-23',
    by: 'day',
    shortSlotStarts: [],
    appointments: [],
  });
  if (!empty) throw new Error('the core gives every day of a range a period');
  return { ...empty, period: name, ...figures };
}

describe('the walk-ins and online bookings per hour', () => {
  it('sums each hour of the day over every day, across the hours the office was open', () => {
    const model = walkInsAndOnlinePerHour([
      period('2026-11-23T06'),
      period('2026-11-23T07', { shortSlotsPlanned: 6 }),
      period('2026-11-23T09', { walkInTickets: 2, onlineBookings: 1, shortSlotsPlanned: 6 }),
      period('2026-11-23T19'),
      period('2026-11-24T09', { walkInTickets: 1, onlineBookings: 4, shortSlotsPlanned: 6 }),
      period('2026-11-24T10', { onlineBookings: 1 }),
    ]);
    expect(model.categories).toEqual(['07', '08', '09', '10']);
    expect(model.series).toEqual([
      { id: 'walkIns', values: [0, 0, 3, 0], drawn: true },
      { id: 'online', values: [0, 0, 5, 1], drawn: true },
    ]);
  });

  it('has nothing to show for a range of closed days', () => {
    const model = walkInsAndOnlinePerHour([period('2026-11-22T09'), period('2026-11-22T10')]);
    expect(model).toEqual({ categories: [], series: [] });
    expect(hasFigures(model)).toBe(false);
  });

  it('skips a period whose name carries no hour', () => {
    const model = walkInsAndOnlinePerHour([period('2026-11-24', { walkInTickets: 9 })]);
    expect(model.categories).toEqual([]);
  });
});

describe('the figures per day', () => {
  const days = [
    period('2026-11-23'),
    period('2026-11-24', {
      utilisation: 0.4567,
      shortSlotsPlanned: 120,
      noShows: 2,
      checkIns: 17,
      medianWaitMinutes: 4.5,
      p90WaitMinutes: 12,
    }),
  ];

  it('puts utilisation in percent with one decimal, a day without short slots as no value', () => {
    expect(utilisationPerDay(days)).toEqual({
      categories: ['2026-11-23', '2026-11-24'],
      series: [
        { id: 'utilisation', values: [null, 45.7], drawn: true },
        { id: 'planned', values: [0, 120], drawn: false },
      ],
    });
  });

  it('draws the median and the 90th percentile of the wait, no value where nobody waited', () => {
    expect(waitPerDay(days).series).toEqual([
      { id: 'medianWait', values: [null, 4.5], drawn: true },
      { id: 'p90Wait', values: [null, 12], drawn: true },
    ]);
  });

  it('draws the no-shows and lists the check-ins beside them', () => {
    const model = noShowsPerDay(days);
    expect(model.series).toEqual([
      { id: 'noShows', values: [0, 2], drawn: true },
      { id: 'checkIns', values: [0, 17], drawn: false },
    ]);
    expect(hasFigures(model)).toBe(true);
    expect(hasFigures(noShowsPerDay([period('2026-11-23', { checkIns: 5 })]))).toBe(false);
  });

  it('builds the hourly chart from the hours and the other three from the days', () => {
    const days = [period('2026-11-23', { noShows: 2, checkIns: 9 })];
    const hours = [period('2026-11-23T09', { walkInTickets: 3, onlineBookings: 5 })];
    const charts = statisticsCharts(days, hours);
    expect(charts.perHour).toEqual(walkInsAndOnlinePerHour(hours));
    expect(charts.perHour.categories).toEqual(['09']);
    expect(charts.utilisation).toEqual(utilisationPerDay(days));
    expect(charts.wait).toEqual(waitPerDay(days));
    expect(charts.noShows.categories).toEqual(['2026-11-23']);
    expect(charts.noShows.series.map((s) => s.values)).toEqual([[2], [9]]);
  });
});
