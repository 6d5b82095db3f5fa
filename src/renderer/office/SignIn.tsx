/**
 * The sign-in: office id and token pasted by the person, checked with one statistics request
 * (admin only), so a token of another role or office is refused here with the server's reason.
 */
import { type FormEvent, useState } from 'react';
import { StatisticsAnswer } from './answers.ts';
import { localDateOf } from './dates.ts';
import { OfficeApiError, getJson } from './office-api.ts';
import type { OfficeWords } from './office-texts.ts';
import { OFFICE_ID, type OfficeSession } from './session.ts';

export function SignIn(props: {
  words: OfficeWords;
  refusal: string | null;
  onSignedIn: (session: OfficeSession) => void;
}) {
  const { words, onSignedIn } = props;
  const { t } = words;
  const [office, setOffice] = useState('');
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(
    props.refusal === null ? null : t('office.signIn.refused', { message: props.refusal }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = { office: office.trim(), token: token.trim() };
    if (session.office === '' || session.token === '')
      return setProblem(t('office.signIn.missing'));
    if (!OFFICE_ID.test(session.office)) return setProblem(t('office.signIn.badOffice'));
    setChecking(true);
    setProblem(null);
    const today = localDateOf(Date.now());
    getJson(session, `statistics?from=${today}&to=${today}`, StatisticsAnswer).then(
      () => onSignedIn(session),
      (error: unknown) => {
        setChecking(false);
        const message = error instanceof OfficeApiError ? error.message : String(error);
        setProblem(t('office.signIn.refused', { message }));
      },
    );
  };

  return (
    <main className="of-sign-in">
      <h2>{t('office.signIn.heading')}</h2>
      <p>{t('office.signIn.lead')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="office-id">{t('office.signIn.office')}</label>
        <input
          id="office-id"
          name="office"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={office}
          onChange={(event) => setOffice(event.target.value)}
        />
        <label htmlFor="office-token">{t('office.signIn.token')}</label>
        <input
          id="office-token"
          name="token"
          type="password"
          autoComplete="off"
          maxLength={512}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <button type="submit" className="of-button of-primary" disabled={checking}>
          {checking ? t('office.signIn.checking') : t('office.signIn.submit')}
        </button>
        <p className="of-problem" role="alert" data-testid="sign-in-problem">
          {problem}
        </p>
      </form>
    </main>
  );
}
