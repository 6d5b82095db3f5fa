/** The pictogram of a concern, shown beside its name (docs/domain.md, "The citizen's screen": pictograms with words). */
import { Glyph } from './Glyph.tsx';
import { pictogramFor } from './glyphs.ts';

/** The concern's own pictogram, or a plain document for services without one. */
export function Pictogram({ serviceId }: { serviceId: string }) {
  return (
    <span className="pictogram">
      <Glyph shapes={pictogramFor(serviceId)} box={64} />
    </span>
  );
}
