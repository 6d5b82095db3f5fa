/** German or English for the whole page; the choice lives as long as the tab. */
import {
  LANGUAGE_NAMES,
  OFFICE_LANGUAGES,
  type OfficeLanguage,
  type OfficeWords,
} from './office-texts.ts';

export function LanguageSwitch(props: {
  words: OfficeWords;
  onChoose: (language: OfficeLanguage) => void;
}) {
  const { words, onChoose } = props;
  return (
    <label className="of-language">
      {words.t('office.languageLabel')}{' '}
      <select
        value={words.language}
        onChange={(event) => {
          const chosen = OFFICE_LANGUAGES.find((l) => l === event.target.value);
          if (chosen) onChoose(chosen);
        }}
      >
        {OFFICE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
