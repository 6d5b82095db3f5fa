/** The check-in window's top bar: title, office, device status and the language switch. */
import type { DeviceStatusView, OfficeView } from '../../host/contract.ts';
import { localize } from '../i18n/index.ts';
import { AttentionList } from './AttentionList.tsx';
import { StatusLine } from './StatusLine.tsx';
import type { CheckInTexts, StaffLanguage } from './texts.ts';

interface CheckInHeaderProps {
  office: OfficeView | null;
  status: DeviceStatusView | null;
  language: StaffLanguage;
  onLanguage: (language: StaffLanguage) => void;
  t: CheckInTexts;
}

/** e.g. <CheckInHeader office={office} status={status} language="de" onLanguage={set} t={t} /> */
export function CheckInHeader({ office, status, language, onLanguage, t }: CheckInHeaderProps) {
  const other: StaffLanguage = language === 'de' ? 'en' : 'de';
  return (
    <header className="ci-header">
      <h1>{t.title}</h1>
      {office && <p className="ci-office">{localize(office.name, language)}</p>}
      <StatusLine status={status} t={t} />
      <AttentionList status={status} t={t} />
      <button type="button" className="ci-language" lang={other} onClick={() => onLanguage(other)}>
        {t.switchLanguage}
      </button>
    </header>
  );
}
