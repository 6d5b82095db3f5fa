import { describe, expect, it } from 'vitest';
import { clearSession, readLanguage, readSession, writeLanguage, writeSession } from './session.ts';

/** sessionStorage's interface over a Map, as a tab has it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the office page session', () => {
  it('keeps the office and token until signed out', () => {
    const storage = memoryStorage();
    expect(readSession(storage)).toBeNull();
    writeSession({ office: 'demo', token: 'secret' }, storage);
    expect(readSession(storage)).toEqual({ office: 'demo', token: 'secret' });
    clearSession(storage);
    expect(readSession(storage)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it.each([
    ['not JSON', '{'],
    ['a path as office', JSON.stringify({ office: '../api', token: 't' })],
    ['an empty token', JSON.stringify({ office: 'demo', token: '' })],
    ['a number as token', JSON.stringify({ office: 'demo', token: 7 })],
  ])('forgets a stored session that is %s', (_what, raw) => {
    const storage = memoryStorage();
    storage.setItem('terminmarke.office.session', raw);
    expect(readSession(storage)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('speaks German unless English was chosen', () => {
    const storage = memoryStorage();
    expect(readLanguage(storage)).toBe('de');
    writeLanguage('en', storage);
    expect(readLanguage(storage)).toBe('en');
    storage.setItem('terminmarke.office.language', 'xx');
    expect(readLanguage(storage)).toBe('de');
  });
});
