import { describe, expect, it } from 'vitest';
import { createRepeatGuard } from './repeat-guard.ts';

describe('createRepeatGuard', () => {
  it('lets a ticket through the first time it is seen', () => {
    expect(createRepeatGuard(2000).accept('TM1.A', 0)).toBe(true);
  });

  it('holds back a ticket that stays in front of the camera, however long', () => {
    const guard = createRepeatGuard(2000);
    guard.accept('TM1.A', 0);
    const later = Array.from({ length: 40 }, (_, i) => guard.accept('TM1.A', 250 * (i + 1)));
    expect(later.every((accepted) => !accepted)).toBe(true);
  });

  it('lets the same ticket through again after it was out of sight for the quiet period', () => {
    const guard = createRepeatGuard(2000);
    guard.accept('TM1.A', 0);
    guard.accept('TM1.A', 2000);
    expect(guard.accept('TM1.A', 4000)).toBe(false);
    expect(guard.accept('TM1.A', 6001)).toBe(true);
  });

  it('lets another ticket through at once', () => {
    const guard = createRepeatGuard(2000);
    guard.accept('TM1.A', 0);
    expect(guard.accept('TM1.B', 300)).toBe(true);
  });

  it('forgets every ticket when cleared', () => {
    const guard = createRepeatGuard(2000);
    guard.accept('TM1.A', 0);
    guard.clear();
    expect(guard.accept('TM1.A', 100)).toBe(true);
  });
});
