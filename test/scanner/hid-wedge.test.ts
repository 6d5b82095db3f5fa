import { describe, expect, it } from 'vitest';
import { type KeyStroke, createHidWedge } from '../../src/scanner/hid-wedge.ts';

const PAYLOAD = 'TM1.K7M4QP2X.2611240940.3HW0R8QD';

function strokes(keys: string[], start: number, gapMs: number): KeyStroke[] {
  return keys.map((key, i) => ({ key, time: start + i * gapMs }));
}

function feed(keys: KeyStroke[], flushAt?: number) {
  const wedge = createHidWedge();
  const out = keys.flatMap((stroke) => wedge.push(stroke));
  return flushAt === undefined ? out : [...out, ...wedge.flush(flushAt)];
}

describe('HID wedge', () => {
  it('takes a burst of keys a few milliseconds apart ending in Enter as one scan', () => {
    expect(feed(strokes([...PAYLOAD, 'Enter'], 0, 6))).toEqual([{ kind: 'scan', text: PAYLOAD }]);
  });

  it('ignores Shift presses between a scanner’s characters', () => {
    const keys = [...PAYLOAD].flatMap((key, i) => [
      { key: 'Shift', time: i * 5 + 1 },
      { key, time: i * 5 + 2 },
    ]);
    const out = feed([...keys, { key: 'Enter', time: PAYLOAD.length * 5 + 2 }]);
    expect(out).toEqual([{ kind: 'scan', text: PAYLOAD }]);
  });

  it('lets a person’s typing through as keys, Enter included', () => {
    const out = feed(strokes([...'K7M4QP2X', 'Enter'], 0, 140));
    expect(out.flatMap((o) => (o.kind === 'keys' ? o.keys : [`scan:${o.text}`]))).toEqual([
      ...'K7M4QP2X',
      'Enter',
    ]);
  });

  it('does not take a fast typist’s short roll of keys for a scan', () => {
    const out = feed(strokes(['K', '7', 'Enter'], 0, 15));
    expect(out).toEqual([{ kind: 'keys', keys: ['K', '7', 'Enter'] }]);
  });

  it('holds a typed key only until the burst gap has passed', () => {
    const wedge = createHidWedge();
    expect(wedge.push({ key: 'K', time: 0 })).toEqual([]);
    expect(wedge.flush(20)).toEqual([]);
    expect(wedge.flush(100)).toEqual([{ kind: 'keys', keys: ['K'] }]);
  });

  it('passes editing keys at once and keeps a scan that follows typing apart from it', () => {
    const typed = [
      { key: 'K', time: 0 },
      { key: 'Backspace', time: 150 },
    ];
    const scan = strokes([...PAYLOAD, 'Enter'], 600, 3);
    expect(feed([...typed, ...scan])).toEqual([
      { kind: 'keys', keys: ['K'] },
      { kind: 'keys', keys: ['Backspace'] },
      { kind: 'scan', text: PAYLOAD },
    ]);
  });

  it('treats a burst that pauses midway as typing, not as a scan', () => {
    const first = strokes([...'TM1.K7M4'], 0, 5);
    const rest = strokes([...'QP2X', 'Enter'], 300, 5);
    const out = feed([...first, ...rest]);
    expect(out.some((o) => o.kind === 'scan')).toBe(false);
    expect(out.flatMap((o) => (o.kind === 'keys' ? o.keys : []))).toEqual([
      ...'TM1.K7M4QP2X',
      'Enter',
    ]);
  });
});
