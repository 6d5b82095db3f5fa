/**
 * Loads the office and picks the app for this device's role. An unattended kiosk must come
 * back by itself, so a host that cannot be reached is retried every few seconds.
 */
import { useEffect, useState } from 'react';
import type { CapacityView, HostTransport, OfficeView } from '../host/contract.ts';
import { CheckInApp } from './checkin/CheckInApp.tsx';
import { CounterApp } from './counter/CounterApp.tsx';
import { DisplayApp } from './display/DisplayApp.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';

const RETRY_MS = 5_000;

type Loaded =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; office: OfficeView; capacity: CapacityView | null };

/** Office and, for the kiosk, its capacity. */
async function load(transport: HostTransport): Promise<Loaded> {
  const office = await transport.call('office/get');
  const capacity = office.role === 'kiosk' ? await transport.call('capacity/get') : null;
  return { state: 'ready', office, capacity };
}

/** The root component: loading, the kiosk app, the check-in window, a counter or the display. */
export function Root({ transport }: { transport: HostTransport }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load(transport).then(
      (result) => live && setLoaded(result),
      () => {
        if (!live) return;
        setLoaded({ state: 'failed' });
        setTimeout(() => live && setAttempt((n) => n + 1), RETRY_MS);
      },
    );
    return () => {
      live = false;
    };
  }, [transport, attempt]);
  if (loaded.state !== 'ready') {
    return (
      <main className="placeholder" aria-busy={loaded.state === 'loading'}>
        <div className="spinner" aria-hidden="true" />
        <p role="status">Terminmarke …</p>
      </main>
    );
  }
  if (loaded.office.role === 'counter') return <CounterApp transport={transport} />;
  if (loaded.office.role === 'display') return <DisplayApp transport={transport} />;
  if (loaded.office.role === 'checkin' || !loaded.capacity) {
    return <CheckInApp transport={transport} office={loaded.office} />;
  }
  return (
    <KioskApp transport={transport} office={loaded.office} initialCapacity={loaded.capacity} />
  );
}
