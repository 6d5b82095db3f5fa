import { describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../src/host/config.ts';

const base = {
  deviceId: 'desk-1',
  officeId: 'demo',
  server: { url: 'http://127.0.0.1:8080', token: 'demo-token' },
  dataDir: 'data',
  http: { port: 8083 },
};

describe('the counter and display device config', () => {
  it('asks a counter for the counter it calls for', () => {
    expect(() => parseDeviceConfig({ ...base, role: 'counter' }, '/x')).toThrow(
      /counter: a counter device needs "counter"/,
    );
    expect(parseDeviceConfig({ ...base, role: 'counter', counter: 'S1' }, '/x').counter).toBe('S1');
  });

  it('gives a display eight rows, chime and speech unless told otherwise', () => {
    expect(parseDeviceConfig({ ...base, role: 'display' }, '/x').display).toEqual({
      rows: 8,
      chime: true,
      speech: true,
    });
    expect(
      parseDeviceConfig({ ...base, role: 'display', display: { rows: 5, speech: false } }, '/x')
        .display,
    ).toEqual({ rows: 5, chime: true, speech: false });
  });

  it('names bad display settings', () => {
    expect(() =>
      parseDeviceConfig({ ...base, role: 'display', display: { rows: 0, flash: true } }, '/x'),
    ).toThrow(/display\.rows[\s\S]*display/);
  });
});
