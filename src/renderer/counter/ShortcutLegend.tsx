/** The keyboard shortcuts, always on screen: learnt by looking, not by a manual. */
import { SHORTCUTS } from './shortcuts.ts';
import type { CounterT } from './texts.ts';

/** e.g. <ShortcutLegend t={t} /> → N Nächste Person aufrufen · W Erneut aufrufen · … */
export function ShortcutLegend({ t }: { t: CounterT }) {
  return (
    <aside className="co-legend" aria-labelledby="co-legend-heading">
      <h2 id="co-legend-heading">{t('counter.shortcutsHeading')}</h2>
      <dl>
        {SHORTCUTS.map(({ key, label }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
