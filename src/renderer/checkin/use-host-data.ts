/**
 * Data the check-in window keeps fresh from the host: today's checked-in tickets waiting to be
 * called, and the device status line. Each reloads on the host's events and when asked.
 */
import { useEffect, useState } from 'react';
import type {
  DeviceStatusView,
  HostEvents,
  HostTransport,
  WaitingTicketView,
} from '../../host/contract.ts';

interface HostSource<T> {
  load: (transport: HostTransport) => Promise<T>;
  /** Host events after which the value may have changed. */
  events: (keyof HostEvents)[];
  pollMs: number | null;
}

const WAITING: HostSource<WaitingTicketView[]> = {
  load: (transport) => transport.call('checkin/waiting'),
  events: ['checkin/changed'],
  pollMs: null,
};

const STATUS: HostSource<DeviceStatusView> = {
  load: (transport) => transport.call('device/status'),
  events: ['connection/changed', 'printer/status-changed', 'device/attention'],
  // The upload backlog has no event of its own; a slow poll keeps the status line honest.
  pollMs: 30_000,
};

/** Loads from `source` now, on each of its events, on its poll, and when `refreshKey` changes. */
function useHostValue<T>(
  transport: HostTransport,
  source: HostSource<T>,
  refreshKey: number,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const reload = () => {
      // A failed reload keeps the last value: the status line reports the connection.
      source.load(transport).then(
        (next) => live && setValue(next),
        () => undefined,
      );
    };
    reload();
    const stops = source.events.map((event) => transport.subscribe(event, reload));
    const poll = source.pollMs === null ? undefined : setInterval(reload, source.pollMs);
    return () => {
      live = false;
      stops.forEach((stop) => stop());
      clearInterval(poll);
    };
  }, [transport, source, refreshKey]);
  return value;
}

/** Today's checked-in tickets waiting to be called, refreshed on `checkin/changed`. */
export function useWaitingTickets(
  transport: HostTransport,
  refreshKey: number,
): WaitingTicketView[] | null {
  return useHostValue(transport, WAITING, refreshKey);
}

/** Connection, printer and upload backlog, refreshed on their events and every 30 s. */
export function useDeviceStatus(
  transport: HostTransport,
  refreshKey: number,
): DeviceStatusView | null {
  return useHostValue(transport, STATUS, refreshKey);
}
