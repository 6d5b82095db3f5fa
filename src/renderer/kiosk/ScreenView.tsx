/** Which citizen screen to show for the session's state. */
import type { Language } from '../../core/catalogue.ts';
import type { CapacityView, OfficeView, PrinterState } from '../../host/contract.ts';
import { AttractScreen } from './AttractScreen.tsx';
import { CheckInOutcomeScreen } from './CheckInOutcomeScreen.tsx';
import { ConcernPicker } from './ConcernPicker.tsx';
import { DrawingScreen } from './DrawingScreen.tsx';
import { NoCapacityScreen } from './NoCapacityScreen.tsx';
import { NoticeScreen } from './NoticeScreen.tsx';
import { PausedScreen } from './PausedScreen.tsx';
import { PrintFailedScreen } from './PrintFailedScreen.tsx';
import { ReadingScreen } from './ReadingScreen.tsx';
import { SelfCheckInScreen } from './SelfCheckInScreen.tsx';
import { TicketScreen } from './TicketScreen.tsx';
import { useI18n } from './i18n-context.ts';
import { LanguageMenu } from './keypad/LanguageMenu.tsx';
import type { useKioskFlow } from './use-kiosk-flow.ts';

interface ScreenViewProps {
  flow: ReturnType<typeof useKioskFlow>;
  office: OfficeView;
  capacity: CapacityView;
  printer: PrinterState;
  onTileBlocked: () => void;
  onTileToggled: (serviceId: string, selected: boolean) => void;
  /** Self check-in: scanned or typed input for `checkin/submit`. */
  onCheckIn: (input: string) => void;
  onCallStaff: () => void;
  /** Keypad mode's language menu: the citizen chose a language. */
  onLanguage: (language: Language) => void;
}

/** The screen for the current step of the flow. */
export function ScreenView(props: ScreenViewProps) {
  const { flow, office, capacity, printer, onTileBlocked, onTileToggled } = props;
  const { t } = useI18n();
  const { screen, go, reset } = flow;
  switch (screen.name) {
    case 'attract':
      // Paused (now or by a daily pause): no way to draw; check-in of appointments goes on.
      if (capacity.paused)
        return (
          <PausedScreen
            untilTime={capacity.paused.untilTime}
            onCheckIn={
              office.selfCheckIn ? () => go({ name: 'check-in', sending: false }) : undefined
            }
          />
        );
      return (
        <AttractScreen
          office={office}
          capacity={capacity}
          printer={printer}
          onStart={() => go({ name: 'pick', selected: [] })}
          onCheckIn={() => go({ name: 'check-in', sending: false })}
        />
      );
    case 'language':
      return <LanguageMenu languages={office.languages} onChoose={props.onLanguage} />;
    case 'check-in':
      return (
        <SelfCheckInScreen sending={screen.sending} onSubmit={props.onCheckIn} onBack={reset} />
      );
    case 'check-in-outcome':
      return (
        <CheckInOutcomeScreen
          view={screen.view}
          waitingArea={office.waitingArea}
          onRetry={() => go({ name: 'check-in', sending: false })}
          onCallStaff={props.onCallStaff}
          onHome={reset}
        />
      );
    case 'pick': {
      const max = office.maxServicesPerTicket;
      const onToggle = (id: string) => {
        const chosen = screen.selected.includes(id);
        if (!chosen && screen.selected.length >= max) return onTileBlocked();
        flow.toggle(id);
        onTileToggled(id, !chosen);
      };
      return (
        <ConcernPicker
          services={office.services}
          capacity={capacity}
          selected={screen.selected}
          max={max}
          onToggle={onToggle}
          onBack={reset}
          onDraw={flow.draw}
        />
      );
    }
    case 'drawing':
      return <DrawingScreen />;
    case 'reading':
      return (
        <ReadingScreen
          ticket={screen.ticket}
          printing={screen.printing}
          onPrint={flow.print}
          onCancel={reset}
        />
      );
    case 'ticket':
      return <TicketScreen ticket={screen.ticket} kept={screen.kept} onDone={reset} />;
    case 'print-failed':
      return (
        <PrintFailedScreen
          ticket={screen.ticket}
          reason={screen.reason}
          busy={screen.busy}
          onRetry={flow.retry}
          onKeep={flow.keep}
          onCancel={reset}
        />
      );
    case 'no-capacity':
      return (
        <NoCapacityScreen
          reason={screen.reason}
          nextDayWithCapacity={screen.nextDayWithCapacity}
          onlineAlternatives={screen.onlineAlternatives}
          services={office.services}
          onChooseOther={() => go({ name: 'pick', selected: screen.selected })}
          onHome={reset}
        />
      );
    case 'refused':
      return (
        <NoticeScreen
          name="refused"
          title={t.refusedTitle}
          body={screen.reason === 'offline' ? t.refusedOffline : t.refusedRateLimited}
          onRetry={
            screen.reason === 'rate-limited'
              ? () => go({ name: 'pick', selected: screen.selected })
              : undefined
          }
          onHome={reset}
        />
      );
    case 'paused':
      return <PausedScreen untilTime={screen.untilTime} onHome={reset} />;
    case 'expired':
      return (
        <NoticeScreen name="expired" title={t.expiredTitle} body={t.expiredBody} onHome={reset} />
      );
    case 'error':
      return <NoticeScreen name="error" title={t.errorTitle} body={t.errorBody} onHome={reset} />;
  }
}
