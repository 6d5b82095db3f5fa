/**
 * The idle timer wired to the page: touches and keys are activity, a tick every 250 ms
 * advances the clock, and `onExpire` runs once when the warning ran out.
 */
import { useEffect, useMemo, useState } from 'react';
import type { OfficeView } from '../../host/contract.ts';
import { IDLE_OFF, type IdleConfig, type IdleState, stepIdle } from '../idle-timer.ts';

interface UseIdleOptions {
  config: IdleConfig;
  /** False on the pristine attract screen: nothing to reset. */
  enabled: boolean;
  onExpire: () => void;
  now: () => number;
}

/** The idle state and a function that counts as activity (the warning's button). */
export function useIdle({
  config,
  enabled,
  onExpire,
  now,
}: UseIdleOptions): [IdleState, () => void] {
  const [state, setState] = useState<IdleState>(IDLE_OFF);
  useEffect(() => {
    const tick = () => {
      const at = now();
      setState((current) =>
        stepIdle(
          stepIdle(current, enabled ? { type: 'start', at } : { type: 'stop' }, config),
          { type: 'tick', at },
          config,
        ),
      );
    };
    const onActivity = () =>
      setState((current) => stepIdle(current, { type: 'activity', at: now() }, config));
    const timer = setInterval(tick, 250);
    for (const name of ['pointerdown', 'keydown'] as const)
      document.addEventListener(name, onActivity, true);
    return () => {
      clearInterval(timer);
      for (const name of ['pointerdown', 'keydown'] as const)
        document.removeEventListener(name, onActivity, true);
    };
  }, [config, enabled, now]);
  useEffect(() => {
    if (state.phase === 'expired') onExpire();
  }, [state.phase, onExpire]);
  const extend = () =>
    setState((current) => stepIdle(current, { type: 'activity', at: now() }, config));
  return [state, extend];
}

/** The idle timer with the office's timings (`office/get` `idle`, in seconds). */
export function useIdleReset(
  idle: OfficeView['idle'],
  enabled: boolean,
  onExpire: () => void,
  now: () => number,
): [IdleState, () => void] {
  const config = useMemo(
    () => ({
      warnAfterMs: idle.warnAfterSeconds * 1000,
      resetAfterWarningMs: idle.resetAfterWarningSeconds * 1000,
    }),
    [idle],
  );
  return useIdle({ config, enabled, onExpire, now });
}
