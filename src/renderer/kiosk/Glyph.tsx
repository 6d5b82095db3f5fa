/** An SVG drawing from path data (`glyphs.ts`), decorative: the words beside it carry the meaning. */
import type { Shape } from './glyphs.ts';

interface GlyphProps {
  shapes: Shape[];
  /** Units of the drawing's square box: 24 for icons, 64 for pictograms. */
  box: number;
  className?: string;
}

/** Draw shapes in the current text colour; `knockout` parts in the surface colour. */
export function Glyph({ shapes, box, className }: GlyphProps) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${box} ${box}`}
      aria-hidden="true"
      focusable="false"
      strokeWidth={box / 16}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {shapes.map((shape, index) => (
        <path key={index} d={shape.d} className={`glyph-${shape.kind ?? 'stroke'}`} />
      ))}
    </svg>
  );
}
