/**
 * One chart with its accessible fallback: the canvas is an image named by the chart's title and
 * pointing to the table below it, which lists every drawn figure (and any context figures).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { INK, SERIES_STYLES, stripedFill } from './chart-style.ts';
import type { OfficeWords } from './office-texts.ts';
import type { ChartModel, SeriesId } from './statistics-charts.ts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);
Chart.defaults.color = INK;
Chart.defaults.font.size = 14;

export interface ChartFigureProps {
  id: string;
  title: string;
  note?: string;
  kind: 'bar' | 'line';
  model: ChartModel;
  words: OfficeWords;
  categoryHeading: string;
  formatCategory: (category: string) => string;
  seriesLabel: (id: SeriesId) => string;
}

export function ChartFigure(props: ChartFigureProps) {
  const { id, title, note, model, words } = props;
  const canvas = useChart(props);
  const format = (value: number | null) =>
    value === null ? words.t('office.noValue') : words.number(value, 1);
  return (
    <figure className="of-chart" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
        {note ? <p className="of-note">{note}</p> : null}
      </figcaption>
      <div className="of-canvas">
        <canvas ref={canvas} role="img" aria-label={words.t('office.chart.described', { title })}>
          {words.t('office.chart.described', { title })}
        </canvas>
      </div>
      <details>
        <summary>{words.t('office.chart.table')}</summary>
        <table data-testid={`table-${id}`}>
          <caption className="of-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.categoryHeading}</th>
              {model.series.map((s) => (
                <th scope="col" key={s.id}>
                  {props.seriesLabel(s.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.categories.map((category, row) => (
              <tr key={category}>
                <th scope="row">{props.formatCategory(category)}</th>
                {model.series.map((s) => (
                  <td key={s.id} data-series={s.id}>
                    {format(s.values[row] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Draws the model on the canvas; redrawn when the figures or the language change. */
function useChart(props: ChartFigureProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { kind, model, formatCategory, seriesLabel } = props;
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, chartConfig(kind, model, formatCategory, seriesLabel));
    return () => chart.destroy();
  }, [kind, model, formatCategory, seriesLabel]);
  return ref;
}

function chartConfig(
  kind: 'bar' | 'line',
  model: ChartModel,
  formatCategory: (category: string) => string,
  seriesLabel: (id: SeriesId) => string,
): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
  const datasets = model.series
    .filter((s) => s.drawn)
    .map((s) => {
      const style = SERIES_STYLES[s.id];
      return {
        label: seriesLabel(s.id),
        data: s.values,
        borderColor: style.colour,
        backgroundColor: kind === 'bar' && style.striped ? stripedFill(style.colour) : style.colour,
        borderWidth: 2,
        borderDash: style.dash,
        pointStyle: style.point,
        pointRadius: 5,
        spanGaps: false,
      };
    });
  return {
    type: kind,
    data: { labels: model.categories.map(formatCategory), datasets },
    options: {
      // Figures, not a show: no animation (also what prefers-reduced-motion asks for).
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: kind === 'line' } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}
