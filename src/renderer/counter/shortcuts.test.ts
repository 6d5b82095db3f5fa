import { describe, expect, it } from 'vitest';
import { SHORTCUTS, availableCommands, commandForKey } from './shortcuts.ts';

const press = (key: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  typing: false,
  repeat: false,
  ...extra,
});

describe('the desk’s keyboard shortcuts', () => {
  it('map one letter to each command, in either case', () => {
    const all = SHORTCUTS.map((s) => s.command);
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
    expect(commandForKey(press('n'), all)).toBe('call-next');
    expect(commandForKey(press('N'), all)).toBe('call-next');
    expect(commandForKey(press('E'), all)).toBe('served');
    expect(commandForKey(press('w'), all)).toBe('recall');
    expect(commandForKey(press('q'), all)).toBeNull();
  });

  it('offer only what applies to the current ticket', () => {
    expect(availableCommands(undefined)).toEqual(['call-next']);
    expect(availableCommands({ state: 'called' })).toEqual([
      'call-next',
      'recall',
      'arrived',
      'not-arrived',
    ]);
    expect(availableCommands({ state: 'serving' })).toEqual([
      'call-next',
      'park',
      'transfer',
      'served',
    ]);
    expect(commandForKey(press('e'), availableCommands({ state: 'called' }))).toBeNull();
    expect(commandForKey(press('a'), availableCommands({ state: 'called' }))).toBe('arrived');
  });

  it('leave modifier keys, held keys and typing alone', () => {
    const all = SHORTCUTS.map((s) => s.command);
    expect(commandForKey(press('n', { ctrlKey: true }), all)).toBeNull();
    expect(commandForKey(press('n', { altKey: true }), all)).toBeNull();
    expect(commandForKey(press('n', { metaKey: true }), all)).toBeNull();
    expect(commandForKey(press('n', { repeat: true }), all)).toBeNull();
    expect(commandForKey(press('n', { typing: true }), all)).toBeNull();
  });
});
