/** Live host data for the citizen's screens: capacity and printer state, pushed by events. */
import { useEffect, useState } from 'react';
import type { CapacityView, HostTransport, PrinterState } from '../../host/contract.ts';

/** Capacity refreshes this often even without events, in case an event was lost on reconnect. */
const CAPACITY_REFRESH_MS = 60_000;

/** The open capacity, kept current by `capacity/changed` and a slow poll. */
export function useCapacity(transport: HostTransport, initial: CapacityView): CapacityView {
  const [capacity, setCapacity] = useState(initial);
  useEffect(() => {
    const stop = transport.subscribe('capacity/changed', setCapacity);
    const timer = setInterval(() => {
      transport.call('capacity/get').then(setCapacity, () => undefined);
    }, CAPACITY_REFRESH_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [transport]);
  return capacity;
}

/** The printer's state from `device/status`, then from `printer/status-changed`. */
export function usePrinterState(transport: HostTransport): PrinterState {
  const [printer, setPrinter] = useState<PrinterState>('unknown');
  useEffect(() => {
    let live = true;
    const stop = transport.subscribe('printer/status-changed', (event) =>
      setPrinter(event.printer),
    );
    transport.call('device/status').then(
      (status) => live && setPrinter(status.printer),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [transport]);
  return printer;
}
