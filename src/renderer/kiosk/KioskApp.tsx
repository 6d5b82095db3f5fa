/**
 * The citizen's kiosk (role `kiosk`): masthead, the current screen, the live status line and
 * the always-present toolbar; the idle warning on top. Wires settings, host data, idle reset,
 * speech and keyboard (Escape goes one step back) around the flow.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CapacityView, HostTransport, OfficeView } from '../../host/contract.ts';
import { createHostSpeech } from '../speech.ts';
import { Announcer } from './Announcer.tsx';
import { IdleDialog } from './IdleDialog.tsx';
import { Masthead } from './Masthead.tsx';
import { ScreenView } from './ScreenView.tsx';
import { Toolbar } from './Toolbar.tsx';
import { I18nContext, i18nFor } from './i18n-context.ts';
import { defaultSettings, isPristine, type Settings } from './kiosk-flow.ts';
import { useAnnouncer } from './use-announcer.ts';
import { useDocumentSettings, usePinchGuard } from './use-document-settings.ts';
import { useCapacity, usePrinterState } from './use-host-data.ts';
import { useEscapeBack } from './use-escape-back.ts';
import { useIdleReset } from './use-idle.ts';
import { idleForMode } from './keypad/keypad-idle.ts';
import { useKeypadMode } from './keypad/use-keypad-mode.ts';
import { useKioskFlow } from './use-kiosk-flow.ts';
import { type Playing, useReadThenPrint } from './use-read-then-print.ts';
import { useScreenSpeech } from './use-screen-speech.ts';
import { useSelfCheckIn } from './use-self-check-in.ts';

interface KioskAppProps {
  transport: HostTransport;
  office: OfficeView;
  initialCapacity: CapacityView;
  /** The clock for the idle timer; tests may pass their own. */
  now?: () => number;
}

/** Whether the citizen uses any aid: then a staff call says "accessibility", so staff come prepared. */
function usesAid(settings: Settings): boolean {
  const { highContrast, largeText, seated, speech, keypad } = settings;
  return highContrast || largeText || seated || speech || keypad;
}

/** The kiosk app for one office. */
export function KioskApp({ transport, office, initialCapacity, now = Date.now }: KioskAppProps) {
  const defaults = useMemo(() => defaultSettings(office), [office]);
  const [settings, setSettings] = useState(defaults);
  const i18n = useMemo(() => i18nFor(settings.language), [settings.language]);
  const { t } = i18n;
  const [message, announce] = useAnnouncer();
  const capacity = useCapacity(transport, initialCapacity);
  const printer = usePrinterState(transport);
  const flow = useKioskFlow(transport, settings, office.maxServicesPerTicket, () =>
    announce(t.errorBody),
  );
  const { screen, go, reset: resetFlow } = flow;
  const checkIn = useSelfCheckIn(transport, go);
  const main = useRef<HTMLElement>(null);
  const speech = useMemo(() => createHostSpeech(transport), [transport]);
  useDocumentSettings(settings);
  usePinchGuard();

  const reset = useCallback(() => {
    resetFlow();
    setSettings(defaults);
  }, [resetFlow, defaults]);
  const enabled = !isPristine(screen, settings, defaults);
  const idleLimits = useMemo(
    () => idleForMode(office.idle, settings.keypad),
    [office.idle, settings.keypad],
  );
  const [idle, extend] = useIdleReset(idleLimits, enabled, reset, now);
  const dialogOpen = idle.phase === 'warning';
  // The keypad mode has its own Back (Escape is one of its keys).
  useEscapeBack(screen, go, dialogOpen || settings.keypad);

  const onNoVoice = useCallback(() => announce(t.noVoice), [announce, t]);
  const [playing, setPlaying] = useState<Playing | null>(null);
  useScreenSpeech({
    speech,
    enabled: settings.speech,
    yielded: settings.keypad,
    language: settings.language,
    screenKey: screen.name,
    root: main,
    onNoVoice,
    // A held ticket prints once it was read out; `print` ignores every other screen.
    onSpoken: flow.print,
    onPlaying: (durationMs) => setPlaying({ durationMs }),
  });
  useReadThenPrint(screen, settings.speech, flow.print, playing);

  /** Show a status line, and say it too while read-aloud is on. */
  const say = (text: string) => {
    announce(text);
    if (settings.speech) speech.speak(text, settings.language);
  };
  const callStaff = () => {
    transport.call('staff/call', { reason: usesAid(settings) ? 'accessibility' : 'help' }).then(
      ({ notified }) => say(notified ? t.staffCalled : t.staffNotReached),
      () => say(t.staffNotReached),
    );
  };
  const onTileToggled = (serviceId: string, selected: boolean) => {
    const service = office.services.find((each) => each.id === serviceId);
    if (settings.speech && !settings.keypad && service) {
      const state = selected ? t.isChosen : t.isNotChosen;
      speech.speak(`${i18n.text(service.names)}: ${state}`, settings.language);
    }
  };
  useKeypadMode({
    transport,
    speech,
    i18n,
    office,
    screen,
    root: main,
    settings,
    setSettings,
    go,
    resetFlow,
    endSession: reset,
    callStaff,
    idle,
    now,
    onTicketRead: flow.print,
    onPlaying: (durationMs) => setPlaying({ durationMs }),
  });
  const onSettings = (next: Settings) => {
    if (!next.speech) speech.stop();
    setSettings(next);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <div className="kiosk" data-keypad={settings.keypad}>
        <div className="kiosk-page" inert={dialogOpen}>
          <Masthead office={office} />
          <main ref={main} className="main">
            <ScreenView
              flow={flow}
              office={office}
              capacity={capacity}
              printer={printer}
              onTileBlocked={() => say(t.maxReached(office.maxServicesPerTicket))}
              onTileToggled={onTileToggled}
              onCheckIn={checkIn}
              onCallStaff={callStaff}
              onLanguage={(language) => {
                setSettings((current) => ({ ...current, language }));
                go({ name: 'pick', selected: [] });
              }}
            />
          </main>
          <Announcer message={message} />
          <Toolbar
            languages={office.languages}
            settings={settings}
            onChange={onSettings}
            onCallStaff={callStaff}
          />
        </div>
        {idle.phase === 'warning' && (
          <IdleDialog resetAt={idle.resetAt} now={now} onExtend={extend} />
        )}
      </div>
    </I18nContext.Provider>
  );
}
