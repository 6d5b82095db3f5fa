/**
 * Always one touch away (docs/domain.md, "The citizen's screen"): the languages, each in its own words, and the aids —
 * contrast, large text, seated layout, read aloud — and "call staff".
 */
import type { Language } from '../../core/catalogue.ts';
import { LANGUAGE_META } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';
import type { IconName } from './glyphs.ts';
import { useI18n } from './i18n-context.ts';
import type { Settings } from './kiosk-flow.ts';

interface ToolbarProps {
  languages: Language[];
  settings: Settings;
  onChange: (settings: Settings) => void;
  onCallStaff: () => void;
}

type Aid = 'highContrast' | 'largeText' | 'seated' | 'speech';
const AIDS: { key: Aid; icon: IconName }[] = [
  { key: 'highContrast', icon: 'contrast' },
  { key: 'largeText', icon: 'largeText' },
  { key: 'seated', icon: 'seated' },
  { key: 'speech', icon: 'speaker' },
];

/** The bar at the bottom of every screen. */
export function Toolbar({ languages, settings, onChange, onCallStaff }: ToolbarProps) {
  const { t } = useI18n();
  const labels: Record<Aid, string> = {
    highContrast: t.highContrast,
    largeText: t.largeText,
    seated: t.seated,
    speech: t.readAloud,
  };
  return (
    <footer className="toolbar">
      <nav className="toolbar-row languages" aria-label={t.languageLabel}>
        <Icon name="language" />
        {languages.map((language) => (
          <button
            key={language}
            type="button"
            className="bar-button"
            lang={language}
            dir={LANGUAGE_META[language].dir}
            aria-pressed={settings.language === language}
            onClick={() => onChange({ ...settings, language })}
          >
            {LANGUAGE_META[language].nativeName}
          </button>
        ))}
      </nav>
      <div className="toolbar-row aids" role="group" aria-label={t.aidsLabel}>
        {AIDS.map(({ key, icon }) => (
          <button
            key={key}
            type="button"
            className="bar-button"
            aria-pressed={settings[key]}
            onClick={() => onChange({ ...settings, [key]: !settings[key] })}
          >
            <Icon name={icon} />
            {labels[key]}
          </button>
        ))}
        <button type="button" className="bar-button bar-button-staff" onClick={onCallStaff}>
          <Icon name="bell" />
          {t.callStaff}
        </button>
      </div>
    </footer>
  );
}
