/**
 * The office page: sign-in until a token is accepted, then today's devices, the queue and the
 * statistics. A 401/403 from any panel signs out and shows the server's reason on the sign-in.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Dashboard } from './Dashboard.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import type { OfficeApiError } from './office-api.ts';
import { type OfficeLanguage, officeWords } from './office-texts.ts';
import {
  type OfficeSession,
  clearSession,
  readLanguage,
  readSession,
  writeLanguage,
  writeSession,
} from './session.ts';
import { SignIn } from './SignIn.tsx';

export function OfficeApp() {
  const [language, setLanguage] = useState<OfficeLanguage>(readLanguage);
  const [session, setSession] = useState<OfficeSession | null>(readSession);
  const [refusal, setRefusal] = useState<string | null>(null);
  const words = useMemo(() => officeWords(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = words.t('office.title');
  }, [language, words]);

  const chooseLanguage = useCallback((next: OfficeLanguage) => {
    writeLanguage(next);
    setLanguage(next);
  }, []);
  const signIn = useCallback((next: OfficeSession) => {
    writeSession(next);
    setRefusal(null);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  const refuse = useCallback((error: OfficeApiError) => {
    clearSession();
    setSession(null);
    setRefusal(error.message);
  }, []);

  return (
    <div className="of-page">
      <header className="of-header">
        <h1>{words.t('office.title')}</h1>
        {session ? (
          <p className="of-office" data-testid="signed-in-office">
            {words.t('office.signedInAs', { office: session.office })}
          </p>
        ) : null}
        <LanguageSwitch words={words} onChoose={chooseLanguage} />
        {session ? (
          <button type="button" className="of-button" onClick={signOut}>
            {words.t('office.signOut')}
          </button>
        ) : null}
      </header>
      {session ? (
        <Dashboard session={session} words={words} onAuthFailure={refuse} />
      ) : (
        <SignIn words={words} refusal={refusal} onSignedIn={signIn} />
      )}
    </div>
  );
}
