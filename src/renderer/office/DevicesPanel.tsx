/**
 * Today's devices: role, version, connection, last heartbeat, printer, pending uploads and clock
 * skew. A server without `GET …/devices` answers 404; the panel says so in one line.
 */
import { useCallback } from 'react';
import { type DeviceEntry, DevicesAnswer } from './answers.ts';
import type { PanelProps } from './Dashboard.tsx';
import { getJson } from './office-api.ts';
import { PanelStatus } from './PanelStatus.tsx';
import { useLoader } from './use-loader.ts';
import { ScrollTable } from './ScrollTable.tsx';

export const REFRESH_MS = 15_000;

export function DevicesPanel({ session, words, onAuthFailure }: PanelProps) {
  const { t } = words;
  const load = useCallback(() => getJson(session, 'devices', DevicesAnswer), [session]);
  const [loaded, reload] = useLoader(load, REFRESH_MS, onAuthFailure);
  const missing = loaded.state === 'failed' && loaded.error.status === 404;
  return (
    <section className="of-panel" aria-labelledby="devices-heading" data-testid="devices-panel">
      <h2 id="devices-heading">{t('office.devices.heading')}</h2>
      <PanelStatus
        loaded={loaded}
        words={words}
        onRefresh={reload}
        testId="devices"
        failureNote={missing ? t('office.devices.unavailable') : null}
      />
      {loaded.state === 'ready' ? (
        loaded.value.devices.length === 0 ? (
          <p>{t('office.devices.empty')}</p>
        ) : (
          <DeviceTable devices={loaded.value.devices} words={words} />
        )
      ) : null}
    </section>
  );
}

const DEVICE_COLUMNS = [
  'device',
  'role',
  'version',
  'connection',
  'lastSeen',
  'printer',
  'pendingUploads',
  'clockSkew',
] as const;

function DeviceTable({ devices, words }: { devices: DeviceEntry[]; words: PanelProps['words'] }) {
  const { t } = words;
  const none = t('office.noValue');
  return (
    <ScrollTable
      area="devices"
      headings={DEVICE_COLUMNS.map((c) => t(`office.devices.columns.${c}`))}
    >
      {devices.map((d) => (
        <tr key={d.deviceId}>
          <th scope="row">{d.deviceId}</th>
          <td>{d.role}</td>
          <td>{d.version ?? none}</td>
          <td>
            <span className={`of-badge of-${d.connection}`}>
              {t(`office.devices.connection.${d.connection}`)}
            </span>
          </td>
          <td>{d.lastSeen ? words.time(d.lastSeen) : t('office.devices.never')}</td>
          <td>
            {d.printer
              ? t(`office.devices.printer.${d.printer.state}`)
              : t('office.devices.printer.none')}
          </td>
          <td>{d.pendingUploads ?? none}</td>
          <td>
            {d.clockSkewMs === null
              ? none
              : t('office.devices.seconds', { seconds: words.number(d.clockSkewMs / 1000, 1) })}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
