/** The desk's top line: which counter, whether the server answers, the language switch. */
import type { CounterStateView } from '../../host/contract.ts';
import type { CounterT, StaffLanguage } from './texts.ts';

interface CounterHeaderProps {
  state: CounterStateView | null;
  language: StaffLanguage;
  onLanguage: (language: StaffLanguage) => void;
  t: CounterT;
}

/** e.g. <CounterHeader state={state} language="de" onLanguage={set} t={t} /> */
export function CounterHeader({ state, language, onLanguage, t }: CounterHeaderProps) {
  const connection = state?.connection ?? 'connecting';
  const time = state?.at
    ? new Date(state.at).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })
    : '–';
  return (
    <header className="co-header">
      <h1>
        {t('counter.title')}: <span data-testid="counter-name">{state?.counter.name ?? '…'}</span>
      </h1>
      <p
        className={
          connection === 'online' ? 'co-connection' : 'co-connection co-connection-problem'
        }
        role="status"
        data-testid="connection"
      >
        {connection === 'online'
          ? t('counter.connectionOnline')
          : connection === 'offline'
            ? t('counter.connectionOffline', { time })
            : t('counter.connectionConnecting')}
      </p>
      <button
        type="button"
        className="co-language"
        lang={language === 'de' ? 'en' : 'de'}
        onClick={() => onLanguage(language === 'de' ? 'en' : 'de')}
      >
        {t('counter.switchLanguage')}
      </button>
    </header>
  );
}
