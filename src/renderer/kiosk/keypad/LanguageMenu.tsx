/**
 * Keypad mode's first screen: the languages, each named in itself and marked with its language
 * so a screen reader and the keypad's voice say it in that language.
 */
import type { Language } from '../../../core/catalogue.ts';
import { LANGUAGE_META } from '../../i18n/index.ts';
import { ScreenFrame } from '../ScreenFrame.tsx';
import { useI18n } from '../i18n-context.ts';

interface LanguageMenuProps {
  languages: readonly Language[];
  onChoose: (language: Language) => void;
}

/** e.g. <LanguageMenu languages={['de', 'en']} onChoose={setLanguage} /> */
export function LanguageMenu({ languages, onChoose }: LanguageMenuProps) {
  const { t } = useI18n();
  return (
    <ScreenFrame name="language" title={t.keypad.chooseLanguage}>
      <ul className="language-menu">
        {languages.map((language) => (
          <li key={language}>
            <button
              type="button"
              className="button button-secondary"
              lang={language}
              dir={LANGUAGE_META[language].dir}
              data-language={language}
              onClick={() => onChoose(language)}
            >
              <span>{LANGUAGE_META[language].nativeName}</span>
            </button>
          </li>
        ))}
      </ul>
    </ScreenFrame>
  );
}
