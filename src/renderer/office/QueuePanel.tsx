/**
 * The queue as the counters see it: who is called, served, parked and waiting, with slot time,
 * check-in time and calls. No names exist to show; the call number is what staff say aloud.
 */
import { useCallback } from 'react';
import { QueueAnswer, type QueueEntry } from './answers.ts';
import type { PanelProps } from './Dashboard.tsx';
import { REFRESH_MS } from './DevicesPanel.tsx';
import { getJson } from './office-api.ts';
import { PanelStatus } from './PanelStatus.tsx';
import { useLoader } from './use-loader.ts';
import { ScrollTable } from './ScrollTable.tsx';

const STATES = ['called', 'serving', 'parked', 'waiting'] as const;
type QueueState = (typeof STATES)[number];

export function QueuePanel({ session, words, onAuthFailure }: PanelProps) {
  const { t } = words;
  const load = useCallback(() => getJson(session, 'queue', QueueAnswer), [session]);
  const [loaded, reload] = useLoader(load, REFRESH_MS, onAuthFailure);
  const rows =
    loaded.state === 'ready'
      ? STATES.flatMap((state) => loaded.value[state].map((entry) => ({ state, entry })))
      : [];
  return (
    <section className="of-panel" aria-labelledby="queue-heading" data-testid="queue-panel">
      <h2 id="queue-heading">{t('office.queue.heading')}</h2>
      <PanelStatus loaded={loaded} words={words} onRefresh={reload} testId="queue" />
      {loaded.state === 'ready' ? (
        <>
          <ul className="of-counts" data-testid="queue-counts">
            {STATES.map((state) => (
              <li key={state} data-state={state}>
                {t('office.queue.count', {
                  state: t(`office.queue.state.${state}`),
                  count: loaded.value[state].length,
                })}
              </li>
            ))}
          </ul>
          {rows.length === 0 ? (
            <p>{t('office.queue.empty')}</p>
          ) : (
            <QueueTable rows={rows} words={words} />
          )}
        </>
      ) : null}
    </section>
  );
}

const QUEUE_COLUMNS = [
  'callNumber',
  'state',
  'slot',
  'checkedInAt',
  'services',
  'calls',
  'counter',
] as const;

function QueueTable(props: {
  rows: { state: QueueState; entry: QueueEntry }[];
  words: PanelProps['words'];
}) {
  const { words } = props;
  const { t } = words;
  return (
    <ScrollTable area="queue" headings={QUEUE_COLUMNS.map((c) => t(`office.queue.columns.${c}`))}>
      {props.rows.map(({ state, entry }) => (
        <tr key={entry.code} data-state={state}>
          <th scope="row">{entry.callNumber}</th>
          <td>{t(`office.queue.state.${state}`)}</td>
          <td>{words.time(entry.start)}</td>
          <td>{entry.checkedInAt ? words.time(entry.checkedInAt) : t('office.noValue')}</td>
          <td>{entry.services.join(', ')}</td>
          <td>{entry.calls}</td>
          <td>{entry.counter ?? t('office.noValue')}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
