/**
 * What a signed-in admin sees: today's devices, the queue (both refreshed every 15 s) and the
 * statistics. "Today" is the server's day, read from its health answer once.
 */
import { useEffect, useState } from 'react';
import { DevicesPanel } from './DevicesPanel.tsx';
import { localDateOf } from './dates.ts';
import type { OfficeApiError } from './office-api.ts';
import type { OfficeWords } from './office-texts.ts';
import { QueuePanel } from './QueuePanel.tsx';
import type { OfficeSession } from './session.ts';
import { StatisticsPanel } from './StatisticsPanel.tsx';

export interface PanelProps {
  session: OfficeSession;
  words: OfficeWords;
  onAuthFailure: (error: OfficeApiError) => void;
}

export function Dashboard(props: PanelProps) {
  const today = useServerToday();
  return (
    <main className="of-dashboard">
      <DevicesPanel {...props} />
      <QueuePanel {...props} />
      {today ? <StatisticsPanel {...props} today={today} /> : null}
    </main>
  );
}

/** The server's date; the browser's own when the server's health answer does not say. */
function useServerToday(): string | null {
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/v1/health', { cache: 'no-store', credentials: 'omit' })
      .then((response) => response.json() as Promise<unknown>)
      .then((body) => {
        const time =
          typeof body === 'object' &&
          body !== null &&
          'time' in body &&
          typeof body.time === 'string'
            ? Date.parse(body.time)
            : Number.NaN;
        if (live) setToday(localDateOf(Number.isNaN(time) ? Date.now() : time));
      })
      .catch((error: unknown) => {
        console.warn('office page: no server time, using the browser clock', error);
        if (live) setToday(localDateOf(Date.now()));
      });
    return () => {
      live = false;
    };
  }, []);
  return today;
}
