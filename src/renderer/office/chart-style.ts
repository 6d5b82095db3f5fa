/**
 * How each series looks. Two colours with at least 3:1 contrast to white (WCAG 1.4.11) and a
 * second cue that is not colour (a striped fill, a dashed line, another point shape), so the
 * series stay apart in greyscale and for colour-blind readers.
 */
import type { SeriesId } from './statistics-charts.ts';

export const INK = '#1f2933';
const BLUE = '#1d4f91';
const BROWN = '#9a4700';

export interface SeriesStyle {
  colour: string;
  /** Bars: a striped fill instead of a solid one. */
  striped: boolean;
  /** Lines: dashes (on, off) in px; empty for solid. */
  dash: number[];
  point: 'circle' | 'triangle' | 'rect';
}

export const SERIES_STYLES: Record<SeriesId, SeriesStyle> = {
  walkIns: { colour: BLUE, striped: false, dash: [], point: 'rect' },
  online: { colour: BROWN, striped: true, dash: [], point: 'rect' },
  utilisation: { colour: BLUE, striped: false, dash: [], point: 'rect' },
  planned: { colour: BROWN, striped: true, dash: [], point: 'rect' },
  medianWait: { colour: BLUE, striped: false, dash: [], point: 'circle' },
  p90Wait: { colour: BROWN, striped: false, dash: [6, 4], point: 'triangle' },
  noShows: { colour: BLUE, striped: false, dash: [], point: 'rect' },
  checkIns: { colour: BROWN, striped: true, dash: [], point: 'rect' },
};

/** Diagonal stripes of the colour on white, as a canvas pattern; the colour itself without one. */
export function stripedFill(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(-2, 10);
  ctx.lineTo(10, -2);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colour;
}
