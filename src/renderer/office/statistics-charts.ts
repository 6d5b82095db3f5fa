/**
 * The four charts of the office page as plain data, from the statistics periods: categories
 * (hours or days), one row of values per series, and which series only the table shows. Pure, so
 * the figures a chart draws and the table beside it are the same numbers, tested without a canvas.
 */
import type { PeriodFigures } from './answers.ts';

export type SeriesId =
  | 'walkIns'
  | 'online'
  | 'utilisation'
  | 'planned'
  | 'medianWait'
  | 'p90Wait'
  | 'noShows'
  | 'checkIns';

export interface ChartSeries {
  id: SeriesId;
  values: (number | null)[];
  /** False for a series the table lists for context but the chart leaves out. */
  drawn: boolean;
}

export interface ChartModel {
  /** `HH` hours of the day, or `YYYY-MM-DD` days. */
  categories: string[];
  series: ChartSeries[];
}

/**
 * Walk-ins and online bookings per hour of the day, summed over every day of the range, across
 * the hours the office had short slots or tickets. e.g. 09: 3 walk-ins, 5 online; 10: 1, 4
 */
export function walkInsAndOnlinePerHour(hours: readonly PeriodFigures[]): ChartModel {
  const byHour = new Map<number, { walkIns: number; online: number; open: boolean }>();
  for (const period of hours) {
    const match = /T(\d{2})$/.exec(period.period);
    const hour = Number(match?.[1]);
    if (!match || hour > 23) continue;
    const sum = byHour.get(hour) ?? { walkIns: 0, online: 0, open: false };
    sum.walkIns += period.walkInTickets;
    sum.online += period.onlineBookings;
    sum.open ||=
      period.shortSlotsPlanned > 0 || period.walkInTickets > 0 || period.onlineBookings > 0;
    byHour.set(hour, sum);
  }
  const open = [...byHour].filter(([, sum]) => sum.open).map(([hour]) => hour);
  if (open.length === 0) return { categories: [], series: [] };
  const first = Math.min(...open);
  const last = Math.max(...open);
  const range = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const at = (hour: number) => byHour.get(hour) ?? { walkIns: 0, online: 0, open: false };
  return {
    categories: range.map((hour) => String(hour).padStart(2, '0')),
    series: [
      { id: 'walkIns', values: range.map((hour) => at(hour).walkIns), drawn: true },
      { id: 'online', values: range.map((hour) => at(hour).online), drawn: true },
    ],
  };
}

/** One figure of a day for a chart series, and whether the chart draws it or only the table. */
interface DailySeries {
  id: SeriesId;
  value: (day: PeriodFigures) => number | null;
  drawn: boolean;
}

/** A chart with one category per day of the range and one row of values per series. */
function perDay(days: readonly PeriodFigures[], series: readonly DailySeries[]): ChartModel {
  return {
    categories: days.map((d) => d.period),
    series: series.map(({ id, value, drawn }) => ({ id, values: days.map(value), drawn })),
  };
}

/** Short-slot utilisation in percent per day, with the slots planned. e.g. 0.456 → 45.6 */
export function utilisationPerDay(days: readonly PeriodFigures[]): ChartModel {
  return perDay(days, [
    {
      id: 'utilisation',
      value: (d) => (d.utilisation === null ? null : Math.round(d.utilisation * 1000) / 10),
      drawn: true,
    },
    { id: 'planned', value: (d) => d.shortSlotsPlanned, drawn: false },
  ]);
}

/** The median and 90th-percentile wait (check-in → first call) per day; null on a day without. */
export function waitPerDay(days: readonly PeriodFigures[]): ChartModel {
  return perDay(days, [
    { id: 'medianWait', value: (d) => d.medianWaitMinutes, drawn: true },
    { id: 'p90Wait', value: (d) => d.p90WaitMinutes, drawn: true },
  ]);
}

/** No-shows per day, beside the check-ins of that day for scale. */
export function noShowsPerDay(days: readonly PeriodFigures[]): ChartModel {
  return perDay(days, [
    { id: 'noShows', value: (d) => d.noShows, drawn: true },
    { id: 'checkIns', value: (d) => d.checkIns, drawn: false },
  ]);
}

/** The four charts of a range: per hour from the hourly periods, the rest from the daily ones. */
export function statisticsCharts(
  days: readonly PeriodFigures[],
  hours: readonly PeriodFigures[],
): Record<'perHour' | 'utilisation' | 'wait' | 'noShows', ChartModel> {
  return {
    perHour: walkInsAndOnlinePerHour(hours),
    utilisation: utilisationPerDay(days),
    wait: waitPerDay(days),
    noShows: noShowsPerDay(days),
  };
}

/** Whether a chart has anything to show. e.g. a range of closed days → false */
export function hasFigures(model: ChartModel): boolean {
  return model.series.some((s) => s.drawn && s.values.some((v) => v !== null && v > 0));
}
