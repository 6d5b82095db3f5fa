/**
 * The simulator's picture: two bar charts side by side (utilisation; walk-ins per day by
 * outcome), drawn with Chart.js on @napi-rs/canvas — the same chart library the office page can
 * bundle for the browser, and the canvas the ticket printer already ships.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { SimulationResult } from './office-day.ts';

Chart.register(...registerables);

const PANEL = { width: 640, height: 420 };
const COLOURS = { served: '#1b6e3a', turnedAway: '#b3261e', noShow: '#8a6d00', bar: '#1f5fa8' };

/** Renders the comparison as a PNG. e.g. renderSimulationChart(result).subarray(1, 4) → 'PNG' */
export function renderSimulationChart(result: SimulationResult): Buffer {
  const [express, drawn] = result.scenarios;
  const labels = ['Express counter', 'Walk-ins in short slots'];
  const days = result.params.days;
  const perDay = (value: number) => Math.round((value / days) * 10) / 10;
  const utilisation: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: ['Short slots used', 'Express counter busy'],
      datasets: [
        {
          label: labels[0] as string,
          data: [
            percent(express.shortSlotUtilisation),
            percent(express.expressCounterUtilisation ?? 0),
          ],
          backgroundColor: '#6b7a8f',
        },
        {
          label: labels[1] as string,
          data: [percent(drawn.shortSlotUtilisation), 0],
          backgroundColor: COLOURS.bar,
        },
      ],
    },
    options: panelOptions('Utilisation (%)', false),
  };
  const outcomes: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'served',
          data: [perDay(express.walkInsServed), perDay(drawn.walkInsServed)],
          backgroundColor: COLOURS.served,
        },
        {
          label: 'turned away',
          data: [perDay(express.walkInsTurnedAway), perDay(drawn.walkInsTurnedAway)],
          backgroundColor: COLOURS.turnedAway,
        },
        {
          label: 'no-show',
          data: [perDay(express.walkInNoShows), perDay(drawn.walkInNoShows)],
          backgroundColor: COLOURS.noShow,
        },
      ],
    },
    options: panelOptions('Walk-ins per day', true),
  };
  const canvas = createCanvas(PANEL.width * 2, PANEL.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  [utilisation, outcomes].forEach((config, index) => {
    const panel = createCanvas(PANEL.width, PANEL.height);
    // Chart.js asks only for a 2D context; the canvas package's context is a faithful one.
    const chart = new Chart(panel.getContext('2d') as unknown as CanvasRenderingContext2D, config);
    chart.draw();
    ctx.drawImage(panel, index * PANEL.width, 0);
    chart.destroy();
  });
  return canvas.toBuffer('image/png');
}

function panelOptions(title: string, stacked: boolean): ChartConfiguration<'bar'>['options'] {
  return {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    plugins: {
      title: { display: true, text: title, font: { size: 18 } },
      legend: { position: 'bottom' },
    },
    scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
  };
}

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}
