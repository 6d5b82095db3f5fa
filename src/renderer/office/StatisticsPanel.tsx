/**
 * The statistics of a range of days (the last seven by default): walk-ins against online
 * bookings per hour, short-slot utilisation, waiting times and no-shows per day, each a chart with
 * its table, and the daily figures as CSV, XLSX or JSON.
 */
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { StatisticsAnswer } from './answers.ts';
import { ChartFigure } from './ChartFigure.tsx';
import type { PanelProps } from './Dashboard.tsx';
import { addDays, isDateRange } from './dates.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { getJson } from './office-api.ts';
import { PanelStatus } from './PanelStatus.tsx';
import { type SeriesId, hasFigures, statisticsCharts } from './statistics-charts.ts';
import { useLoader } from './use-loader.ts';
import { ProblemLine } from './ProblemLine.tsx';

export interface StatisticsRange {
  from: string;
  to: string;
}

const SERIES_KEYS = {
  walkIns: 'office.chart.walkIns',
  online: 'office.chart.online',
  utilisation: 'office.chart.utilisation.series',
  planned: 'office.chart.utilisation.planned',
  medianWait: 'office.chart.wait.median',
  p90Wait: 'office.chart.wait.p90',
  noShows: 'office.chart.noShows.series',
  checkIns: 'office.chart.checkIns',
} as const satisfies Record<SeriesId, string>;

/** The charts with a category per day, after the one per hour. */
const DAILY_CHARTS = [
  { id: 'utilisation', kind: 'bar', title: 'office.chart.utilisation.title', model: 'utilisation' },
  { id: 'wait', kind: 'line', title: 'office.chart.wait.title', model: 'wait' },
  { id: 'no-shows', kind: 'bar', title: 'office.chart.noShows.title', model: 'noShows' },
] as const;

export function StatisticsPanel(props: PanelProps & { today: string }) {
  const { session, words, onAuthFailure } = props;
  const { t } = words;
  const [range, setRange] = useState<StatisticsRange>({
    from: addDays(props.today, -6),
    to: props.today,
  });
  const load = useCallback(async () => {
    const query = `statistics?from=${range.from}&to=${range.to}`;
    const [days, hours] = await Promise.all([
      getJson(session, `${query}&by=day`, StatisticsAnswer),
      getJson(session, `${query}&by=hour`, StatisticsAnswer),
    ]);
    return { days: days.periods, hours: hours.periods };
  }, [session, range]);
  const [loaded, reload] = useLoader(load, null, onAuthFailure);
  const charts = useMemo(
    () =>
      loaded.state === 'ready' ? statisticsCharts(loaded.value.days, loaded.value.hours) : null,
    [loaded],
  );
  const seriesLabel = useCallback((id: SeriesId) => t(SERIES_KEYS[id]), [t]);
  const formatHour = useCallback((hour: string) => `${hour}:00`, []);
  const formatDay = useCallback((day: string) => words.date(day), [words]);
  const shared = { words, seriesLabel };
  const daily = { ...shared, categoryHeading: t('office.chart.day'), formatCategory: formatDay };

  return (
    <section className="of-panel" aria-labelledby="stats-heading" data-testid="stats-panel">
      <h2 id="stats-heading">{t('office.stats.heading')}</h2>
      <RangeForm range={range} words={words} onChoose={setRange} />
      <PanelStatus loaded={loaded} words={words} onRefresh={reload} testId="stats" />
      <ExportButtons session={session} range={range} words={words} onAuthFailure={onAuthFailure} />
      {charts ? (
        <>
          {!hasFigures(charts.perHour) && !hasFigures(charts.utilisation) ? (
            <p>{t('office.stats.noData')}</p>
          ) : null}
          <div className="of-charts">
            <ChartFigure
              {...shared}
              id="per-hour"
              kind="bar"
              title={t('office.chart.perHour.title')}
              note={t('office.chart.perHour.note')}
              model={charts.perHour}
              categoryHeading={t('office.chart.hour')}
              formatCategory={formatHour}
            />
            {DAILY_CHARTS.map(({ id, kind, title, model }) => (
              <ChartFigure
                key={id}
                {...daily}
                id={id}
                kind={kind}
                title={t(title)}
                model={charts[model]}
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

function RangeForm(props: {
  range: StatisticsRange;
  words: PanelProps['words'];
  onChoose: (range: StatisticsRange) => void;
}) {
  const { t } = props.words;
  const [from, setFrom] = useState(props.range.from);
  const [to, setTo] = useState(props.range.to);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isDateRange(from, to)) return setProblem(t('office.stats.badRange'));
    setProblem(null);
    props.onChoose({ from, to });
  };
  return (
    <form className="of-range" onSubmit={submit} noValidate>
      <label>
        {t('office.stats.from')}{' '}
        <input type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('office.stats.to')}{' '}
        <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="of-button">
        {t('office.stats.show')}
      </button>
      <ProblemLine text={problem} />
    </form>
  );
}
