/** A panel's heading line: when its figures are from, a refresh button, and what went wrong. */
import type { OfficeWords } from './office-texts.ts';
import type { Loaded } from './use-loader.ts';
import { ProblemLine } from './ProblemLine.tsx';

export function PanelStatus<T>(props: {
  loaded: Loaded<T>;
  words: OfficeWords;
  onRefresh: () => void;
  testId: string;
  /** Shown instead of the failure alert when the failure is an expected state, not a fault. */
  failureNote?: string | null;
}) {
  const { loaded, words } = props;
  const { t } = words;
  return (
    <div className="of-status">
      <button type="button" className="of-button" onClick={props.onRefresh}>
        {t('office.refresh')}
      </button>
      <span role="status" data-testid={`${props.testId}-status`}>
        {loaded.state === 'loading'
          ? t('office.loading')
          : loaded.state === 'ready'
            ? t('office.updatedAt', { time: words.time(new Date(loaded.at).toISOString()) })
            : null}
      </span>
      {loaded.state === 'failed' && props.failureNote ? (
        <p data-testid={`${props.testId}-note`}>{props.failureNote}</p>
      ) : loaded.state === 'failed' ? (
        <ProblemLine
          text={t('office.loadFailed', { message: loaded.error.message })}
          testId={`${props.testId}-problem`}
        />
      ) : null}
    </div>
  );
}
