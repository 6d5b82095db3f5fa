/**
 * The citizen's kiosk (role `kiosk`): masthead, the current screen, the live status line and
 * the always-present toolbar; the idle warning on top. Wires settings, host data, idle reset,
 * speech and keyboard (Escape goes one step back) around the flow.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CapacityView, HostTransport, OfficeView } from '../../host/contract.ts';
import { LANGUAGE_META } from '../i18n/index.ts';
import { speak, stopSpeaking } from '../speech.ts';
import { Announcer } from './Announcer.tsx';
import { IdleDialog } from './IdleDialog.tsx';
import { Masthead } from './Masthead.tsx';
import { ScreenView } from './ScreenView.tsx';
import { Toolbar } from './Toolbar.tsx';
import { I18nContext, i18nFor } from './i18n-context.ts';
import { defaultSettings, isPristine, screenBefore, type Settings } from './kiosk-flow.ts';
import { useAnnouncer } from './use-announcer.ts';
import { useDocumentSettings, usePinchGuard } from './use-document-settings.ts';
import { useCapacity, usePrinterState } from './use-host-data.ts';
import { useIdle } from './use-idle.ts';
import { useKioskFlow } from './use-kiosk-flow.ts';
import { useScreenSpeech } from './use-screen-speech.ts';

interface KioskAppProps {
  transport: HostTransport;
  office: OfficeView;
  initialCapacity: CapacityView;
  /** The clock for the idle timer; tests may pass their own. */
  now?: () => number;
}

/** Whether the citizen uses any aid: then a staff call says "accessibility", so staff come prepared. */
function usesAid(settings: Settings): boolean {
  return settings.highContrast || settings.largeText || settings.seated || settings.speech;
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
  const main = useRef<HTMLElement>(null);
  useDocumentSettings(settings);
  usePinchGuard();

  const reset = useCallback(() => {
    resetFlow();
    setSettings(defaults);
  }, [resetFlow, defaults]);
  const idleConfig = useMemo(
    () => ({
      warnAfterMs: office.idle.warnAfterSeconds * 1000,
      resetAfterWarningMs: office.idle.resetAfterWarningSeconds * 1000,
    }),
    [office.idle],
  );
  const enabled = !isPristine(screen, settings, defaults);
  const [idle, extend] = useIdle({ config: idleConfig, enabled, onExpire: reset, now });
  const dialogOpen = idle.phase === 'warning';

  const onNoVoice = useCallback(() => announce(t.noVoice), [announce, t]);
  useScreenSpeech({
    enabled: settings.speech,
    language: settings.language,
    screenKey: screen.name,
    root: main,
    onNoVoice,
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const before = event.key === 'Escape' && !dialogOpen ? screenBefore(screen) : null;
      if (before) go(before);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [screen, go, dialogOpen]);

  const callStaff = () => {
    transport.call('staff/call', { reason: usesAid(settings) ? 'accessibility' : 'help' }).then(
      ({ notified }) => announce(notified ? t.staffCalled : t.staffNotReached),
      () => announce(t.staffNotReached),
    );
  };
  const onTileBlocked = () => {
    announce(t.maxReached(office.maxServicesPerTicket));
    if (settings.speech)
      speak(t.maxReached(office.maxServicesPerTicket), LANGUAGE_META[settings.language].speech);
  };
  const onSettings = (next: Settings) => {
    if (!next.speech) stopSpeaking();
    setSettings(next);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <div className="kiosk">
        <div className="kiosk-page" inert={dialogOpen}>
          <Masthead office={office} />
          <main ref={main} className="main">
            <ScreenView
              flow={flow}
              office={office}
              capacity={capacity}
              printer={printer}
              onTileBlocked={onTileBlocked}
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
