/**
 * The check-in window (role `checkin`, docs/domain.md "Checking in"): camera, hand scanner and
 * typed Terminkennung in, a large unmistakable outcome out, today's waiting tickets and a status
 * line for staff, and a banner when a lobby kiosk calls staff. German first; staff can switch to
 * English.
 */
import { useCallback, useState } from 'react';
import type { HostTransport, OfficeView } from '../../host/contract.ts';
import { canSubmitTypedCode } from '../../scanner/manual-entry.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { CheckInHeader } from './CheckInHeader.tsx';
import { ManualEntry } from './ManualEntry.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { StaffCallBanner } from './StaffCallBanner.tsx';
import { WaitingList } from './WaitingList.tsx';
import { useCheckInStyles } from './checkin-styles.ts';
import { CHECKIN_TEXTS, type StaffLanguage } from './texts.ts';
import { useCheckIn } from './use-check-in.ts';
import { useDeviceStatus, useWaitingTickets } from './use-host-data.ts';
import { useManualField } from './use-manual-field.ts';
import { useStaffCalls } from './use-staff-calls.ts';
import { useWedgeKeyboard } from './use-wedge-keyboard.ts';
import { chooseScannedText } from './wedge-keyboard.ts';

interface CheckInAppProps {
  transport: HostTransport;
  /** The office as `office/get` gave it; only its name is shown. */
  office?: OfficeView | null;
}

/** e.g. <CheckInApp transport={chooseTransport()} office={office} /> */
export function CheckInApp({ transport, office = null }: CheckInAppProps) {
  useCheckInStyles();
  const [language, setLanguage] = useState<StaffLanguage>('de');
  const t = CHECKIN_TEXTS[language];
  const checkIn = useCheckIn(transport);
  const field = useManualField();
  const refreshKey = checkIn.shown?.sequence ?? 0;
  const waiting = useWaitingTickets(transport, refreshKey);
  const status = useDeviceStatus(transport, refreshKey);
  const staffCalls = useStaffCalls(transport);
  const { submit } = checkIn;
  const { replace } = field;

  const submitTyped = useCallback(
    (value: string) => {
      // Enter reaches here from the wedge as well as from the form: a wrong code is never sent.
      if (!canSubmitTypedCode(value)) return;
      void submit(value, 'manual').then((attempt) => {
        // Kept after a failed call, so staff need not type it again.
        if (attempt.kind === 'answered') replace('');
      });
    },
    [submit, replace],
  );
  const onCameraText = useCallback((text: string) => void submit(text, 'camera'), [submit]);

  const keysActive = useWedgeKeyboard(
    {
      onScan: (text) => void submit(chooseScannedText(text), 'scanner'),
      onType: (keys) => {
        const typed = field.type(keys);
        if (typed !== null) submitTyped(typed);
      },
    },
    field.inputRef,
  );

  return (
    <div className="ci-app" lang={language}>
      <CheckInHeader
        office={office}
        status={status}
        language={language}
        onLanguage={setLanguage}
        t={t}
      />
      <StaffCallBanner calls={staffCalls.calls} onDone={staffCalls.finish} t={t} />
      <main className="ci-main">
        <div>
          <CameraScanner
            onText={onCameraText}
            paused={checkIn.pending}
            keysActive={keysActive}
            t={t}
          />
          <p className="ci-scanner-hint">{t.scannerHint}</p>
          <ManualEntry
            inputRef={field.inputRef}
            value={field.value}
            onEdit={replace}
            onSubmit={submitTyped}
            t={t}
          />
        </div>
        <div>
          <OutcomePanel shown={checkIn.shown} pending={checkIn.pending} t={t} />
          <WaitingList tickets={waiting} language={language} t={t} />
        </div>
      </main>
    </div>
  );
}
