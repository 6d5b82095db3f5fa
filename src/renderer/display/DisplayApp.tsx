/**
 * The call display on the waiting room's wall (role `display`): 1920 × 1080,
 * read from ten metres. The newest call large, the last calls beside it, the waiting count and
 * range below; each new call is announced by chime, highlight and speech. Numbers and counters
 * only: nothing personal, no codes.
 */
import { useMemo } from 'react';
import type { HostTransport } from '../../host/contract.ts';
import { CallList } from './CallList.tsx';
import { DisplayFooter } from './DisplayFooter.tsx';
import { NewestCall } from './NewestCall.tsx';
import { type CallAnnouncer, createHostAnnouncer } from './announcer.ts';
import { useDisplayStyles } from './display-styles.ts';
import { callKey } from './announcements.ts';
import { displayText } from './texts.ts';
import { useAnnouncements } from './use-announcements.ts';
import { useDisplayState } from './use-display-state.ts';
import { useHighlight } from './use-highlight.ts';

interface DisplayAppProps {
  transport: HostTransport;
  /** Replaceable for tests; the device's speech service by default. */
  announcer?: CallAnnouncer;
}

/** e.g. <DisplayApp transport={chooseTransport()} /> */
export function DisplayApp({ transport, announcer }: DisplayAppProps) {
  useDisplayStyles();
  const speech = useMemo(() => announcer ?? createHostAnnouncer(transport), [announcer, transport]);
  const state = useDisplayState(transport);
  const announcing = useAnnouncements(state, speech);
  const highlighted = useHighlight(announcing);
  const [newest, ...earlier] = state?.calls ?? [];
  return (
    <div className="dp-app" lang="de" data-testid="screen-display">
      <h1 className="dp-visually-hidden">{displayText('de', 'display.title')}</h1>
      <main className="dp-main">
        <NewestCall
          call={newest ?? null}
          highlighted={highlighted && newest !== undefined && callKey(newest) === announcing}
        />
        <CallList calls={earlier} />
      </main>
      {state && <DisplayFooter state={state} />}
    </div>
  );
}
