/** A ticket that just checked in, as the queue core sees it: nothing called, served or moved yet. */
import type { QueueTicket } from '../../src/core/queue.ts';

/** e.g. waitingTicket({ code, callNumber: 'K042', start, serviceIds, checkedInAt }) → status checked-in */
export function waitingTicket(
  given: Pick<QueueTicket, 'code' | 'callNumber' | 'start' | 'serviceIds' | 'checkedInAt'> &
    Partial<QueueTicket>,
): QueueTicket {
  return {
    status: 'checked-in',
    language: 'de',
    calls: 0,
    callsAtArrival: 0,
    priority: 0,
    counterId: null,
    transferCounterId: null,
    transferServiceIds: null,
    deliveredServiceIds: null,
    firstCalledAt: null,
    calledAt: null,
    arrivedAt: null,
    parkedAt: null,
    transferredAt: null,
    servedAt: null,
    servedBy: null,
    noShowAt: null,
    requeueNotBefore: null,
    ...given,
  };
}
