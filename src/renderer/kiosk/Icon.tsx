/** A small decorative icon by name (`glyphs.ts` ICONS). */
import { Glyph } from './Glyph.tsx';
import { ICONS, type IconName } from './glyphs.ts';

/** An icon that flips with the writing direction when `directional`. */
export function Icon({ name, directional = false }: { name: IconName; directional?: boolean }) {
  return (
    <Glyph
      shapes={ICONS[name]}
      box={24}
      className={directional ? 'icon icon-directional' : 'icon'}
    />
  );
}
