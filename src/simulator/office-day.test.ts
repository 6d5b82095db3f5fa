import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION, runSimulation, simulationProblems } from './office-day.ts';

describe('office-day simulation', () => {
  it('pins both scenarios of the documented parameter set for seed 42', () => {
    const [express, drawn] = runSimulation(DEFAULT_SIMULATION).scenarios;
    expect(express).toEqual({
      scenario: 'express-counter',
      walkInArrivals: 1279,
      walkInsServed: 1274,
      walkInsTurnedAway: 5,
      walkInNoShows: 0,
      medianWaitMinutes: 2.3,
      p90WaitMinutes: 19.7,
      shortSlotsPlanned: 3780,
      shortSlotsUsedOnline: 1579,
      shortSlotsUsedWalkIn: 0,
      shortSlotUtilisation: 0.418,
      expressCounterUtilisation: 0.56,
      staffedMinutes: 56700,
    });
    expect(drawn).toEqual({
      scenario: 'walk-ins-in-short-slots',
      walkInArrivals: 1279,
      walkInsServed: 1141,
      walkInsTurnedAway: 82,
      walkInNoShows: 56,
      medianWaitMinutes: 19.4,
      p90WaitMinutes: 43.4,
      shortSlotsPlanned: 3780,
      shortSlotsUsedOnline: 1579,
      shortSlotsUsedWalkIn: 1141,
      shortSlotUtilisation: 0.72,
      expressCounterUtilisation: null,
      staffedMinutes: 37800,
    });
  });

  it('lands the express counter near the pilot’s 55 % utilisation', () => {
    const utilisation = runSimulation(DEFAULT_SIMULATION).scenarios[0].expressCounterUtilisation;
    expect(utilisation).toBeGreaterThan(0.5);
    expect(utilisation).toBeLessThan(0.6);
  });

  it('gives the same result for the same seed and another for another seed', () => {
    const once = runSimulation({ ...DEFAULT_SIMULATION, days: 3 });
    const again = runSimulation({ ...DEFAULT_SIMULATION, days: 3 });
    const other = runSimulation({ ...DEFAULT_SIMULATION, days: 3, seed: 7 });
    expect(again).toEqual(once);
    expect(other.scenarios).not.toEqual(once.scenarios);
  });

  it('accounts for every walk-in: served, turned away or no-show, in both scenarios', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(),
          days: fc.integer({ min: 1, max: 3 }),
          perHour: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), {
            minLength: 11,
            maxLength: 11,
          }),
          shortCounters: fc.integer({ min: 0, max: 4 }),
          expressCounters: fc.integer({ min: 0, max: 3 }),
          onlineShare: fc.double({ min: 0, max: 1, noNaN: true }),
          walkInNoShowRate: fc.double({ min: 0, max: 1, noNaN: true }),
          maxWaitMinutes: fc.integer({ min: 0, max: 240 }),
        }),
        (p) => {
          const result = runSimulation({
            ...DEFAULT_SIMULATION,
            seed: p.seed,
            days: p.days,
            walkInsPerHour: p.perHour,
            shortCounters: p.shortCounters,
            expressCounters: p.expressCounters,
            onlineShare: p.onlineShare,
            walkInNoShowRate: p.walkInNoShowRate,
            maxWaitMinutes: p.maxWaitMinutes,
          });
          for (const s of result.scenarios) {
            expect(s.walkInsServed + s.walkInsTurnedAway + s.walkInNoShows).toBe(s.walkInArrivals);
            expect(s.shortSlotsUsedOnline + s.shortSlotsUsedWalkIn).toBeLessThanOrEqual(
              s.shortSlotsPlanned,
            );
            if (s.p90WaitMinutes !== null)
              expect(s.p90WaitMinutes).toBeLessThanOrEqual(p.maxWaitMinutes);
          }
          const [express, drawn] = result.scenarios;
          expect(express.walkInArrivals).toBe(drawn.walkInArrivals);
          expect(express.shortSlotsUsedOnline).toBe(drawn.shortSlotsUsedOnline);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('turns every walk-in away when nothing can serve them', () => {
    const [express, drawn] = runSimulation({
      ...DEFAULT_SIMULATION,
      days: 2,
      expressCounters: 0,
      onlineShare: 1,
    }).scenarios;
    expect(express.walkInsServed).toBe(0);
    expect(drawn.walkInsServed).toBe(0);
    expect(drawn.walkInsTurnedAway).toBe(drawn.walkInArrivals);
  });

  it('names every bad parameter', () => {
    const problems = simulationProblems({
      ...DEFAULT_SIMULATION,
      days: -1,
      onlineShare: 1.5,
      serviceMinutes: { min: 9, mode: 3, max: 1 },
      walkInsPerHour: [1],
    });
    expect(problems).toEqual([
      'days must be a whole number from 0 to 3650',
      'onlineShare must be between 0 and 1',
      'serviceMinutes needs 0 < min ≤ mode ≤ max',
      'walkInsPerHour needs a mean for every opening hour',
    ]);
    expect(() => runSimulation({ ...DEFAULT_SIMULATION, days: -1 })).toThrow(/days must be/);
  });
});
