/** The office's name at the top: where am I, in the screen language. */
import type { OfficeView } from '../../host/contract.ts';
import { useI18n } from './i18n-context.ts';

/** The masthead with the office name and the product name. */
export function Masthead({ office }: { office: OfficeView }) {
  const { text } = useI18n();
  return (
    <header className="masthead">
      <svg className="emblem" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path d="M4 9h24v5a3 3 0 0 0 0 6v5H4v-5a3 3 0 0 0 0-6z" />
        <path className="emblem-line" d="M12 11v2M12 16v2M12 21v2" />
      </svg>
      <span className="masthead-name">{text(office.name)}</span>
    </header>
  );
}
