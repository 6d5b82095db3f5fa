/**
 * A small status line for staff: server connection, printer, upload backlog. A problem is marked
 * by a sign and words, not by colour alone.
 */
import type { DeviceStatusView } from '../../host/contract.ts';
import type { CheckInTexts } from './texts.ts';

function StatusItem({ ok, text }: { ok: boolean; text: string }) {
  return (
    <li className={ok ? 'ci-status-ok' : 'ci-status-problem'}>
      <span aria-hidden="true">{ok ? '●' : '▲'}</span> {text}
    </li>
  );
}

/** e.g. <StatusLine status={{ connection: 'online', printer: 'ready', pendingUploads: 0 }} t={t} /> */
export function StatusLine({ status, t }: { status: DeviceStatusView | null; t: CheckInTexts }) {
  return (
    <div className="ci-status" role="status" aria-label={t.statusLabel}>
      {status === null ? (
        <p>{t.statusUnknown}</p>
      ) : (
        <ul>
          <StatusItem ok={status.connection === 'online'} text={t.connection[status.connection]} />
          <StatusItem ok={status.printer === 'ready'} text={t.printer[status.printer]} />
          <StatusItem
            ok={status.pendingUploads === 0}
            text={t.pendingUploads(status.pendingUploads)}
          />
        </ul>
      )}
    </div>
  );
}
