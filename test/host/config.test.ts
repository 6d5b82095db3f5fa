import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadDeviceConfig,
  parseDeviceConfig,
  readServerCa,
} from '../../src/host/config.ts';
import { startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { isLoopbackHost } from '../../src/platform/loopback.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir();
const valid = {
  role: 'kiosk',
  deviceId: 'kiosk-lobby-1',
  officeId: 'demo',
  server: { url: 'http://127.0.0.1:8080', token: 'demo-token' },
  dataDir: 'data',
  printer: 'virtual:tickets',
  http: { port: 8081 },
};

describe('the device config', () => {
  it('needs no http listener (Electron), but browser mode refuses to start without one', async () => {
    const { http: _http, ...electron } = valid;
    const config = parseDeviceConfig(electron, '/etc/terminmarke');
    expect(config.http).toBeUndefined();
    await expect(
      startDeviceHostFromConfig(config, { clock: createManualClock(0) }),
    ).rejects.toThrow(/browser mode needs "http"/);
  });

  it('fills defaults and resolves paths against the config file', () => {
    const config = parseDeviceConfig(valid, '/etc/terminmarke');
    expect(config).toMatchObject({
      dataDir: '/etc/terminmarke/data',
      printer: 'virtual:/etc/terminmarke/tickets',
      paperWidthMm: 80,
      http: { host: '127.0.0.1', port: 8081 },
      idle: { warnAfterSeconds: 60, resetAfterWarningSeconds: 20 },
      selfCheckIn: false,
      retentionDays: 14,
    });
    expect(config.languages).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl']);
  });

  it('names every bad field in one error', () => {
    const bad = {
      ...valid,
      role: 'lobby',
      server: { url: 'ftp://x', token: '' },
      http: { port: 70000 },
      extra: true,
    };
    let message = '';
    try {
      parseDeviceConfig(bad, '/x', 'kiosk.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const field of ['role', 'server.url', 'server.token', 'http.port', 'extra'])
      expect(message).toContain(field);
    expect(message).toContain('kiosk.json');
  });

  it('asks a kiosk for a printer but not a check-in window', () => {
    const { printer: _printer, ...withoutPrinter } = valid;
    expect(() => parseDeviceConfig(withoutPrinter, '/x')).toThrow(
      /printer: a kiosk needs a printer/,
    );
    expect(parseDeviceConfig({ ...withoutPrinter, role: 'checkin' }, '/x').printer).toBeUndefined();
  });

  it('takes the printer profile, which decides the paper width; a generic one from paperWidthMm', () => {
    const tm = parseDeviceConfig({ ...valid, printerProfile: 'epson-tm-t88vi' }, '/x');
    expect(tm).toMatchObject({ printerProfile: 'epson-tm-t88vi', paperWidthMm: 80 });
    const small = parseDeviceConfig({ ...valid, paperWidthMm: 58 }, '/x');
    expect(small).toMatchObject({ printerProfile: 'generic-58', paperWidthMm: 58 });
    expect(() =>
      parseDeviceConfig({ ...valid, printerProfile: 'epson-tm-m30', paperWidthMm: 58 }, '/x'),
    ).toThrow(/paperWidthMm: does not match the paper width of "printerProfile"/);
    expect(() => parseDeviceConfig({ ...valid, printerProfile: 'tm-t88' }, '/x')).toThrow(
      /printerProfile/,
    );
  });

  it('says clearly when the file is missing or not JSON', () => {
    const dir = tempDir();
    expect(() => loadDeviceConfig(join(dir, 'none.json'))).toThrow(/cannot read config file/);
    writeFileSync(join(dir, 'broken.json'), '{ "role": ');
    expect(() => loadDeviceConfig(join(dir, 'broken.json'))).toThrow(/not valid JSON/);
  });
});

describe('the server address of a device', () => {
  it('refuses plain http:// to another machine, where the token would travel in clear', () => {
    for (const url of [
      'http://10.0.0.5:8787',
      'http://termine.stadt.example',
      'http://0.0.0.0:8787',
    ])
      expect(() => parseDeviceConfig({ ...valid, server: { url, token: 't' } }, '/x'), url).toThrow(
        /server\.url: http:\/\/ only for a server on this machine/,
      );
    for (const url of [
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787',
      'https://termine.stadt.example',
      'https://10.0.0.5:8443',
    ])
      expect(
        parseDeviceConfig({ ...valid, server: { url, token: 't' } }, '/x').server.url,
        url,
      ).toBe(url);
  });

  it('reads server.ca relative to the config file and says when it is missing or no certificate', () => {
    const dir = tempDir();
    const config = parseDeviceConfig(
      { ...valid, server: { url: 'https://termine.stadt.example', token: 't', ca: 'city-ca.pem' } },
      dir,
    );
    expect(config.server.ca).toBe(join(dir, 'city-ca.pem'));
    expect(() => readServerCa(config)).toThrow(/server\.ca: cannot read/);
    writeFileSync(join(dir, 'city-ca.pem'), 'not a certificate');
    expect(() => readServerCa(config)).toThrow(/holds no PEM certificate/);
    writeFileSync(
      join(dir, 'city-ca.pem'),
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    );
    expect(readServerCa(config)).toContain('BEGIN CERTIFICATE');
    expect(readServerCa(parseDeviceConfig(valid, dir))).toBeUndefined();
  });

  it('counts only this machine as loopback', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '0.0.0.0',
      '::',
      '10.0.0.5',
      '128.0.0.1',
      'localhost.evil.example',
      'a.localhost',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('the keypad section', () => {
  it('defaults to the built-in keys, no lockout and ALSA jack sense', () => {
    expect(parseDeviceConfig(valid, '/etc/terminmarke').keypad).toEqual({
      keys: {},
      lockoutMs: 0,
      jack: 'auto',
    });
  });

  it('takes keys for the actions it names, a lockout up to one second, and jack off', () => {
    const config = parseDeviceConfig(
      {
        ...valid,
        keypad: { keys: { enter: ['Space', 'NumpadEnter'] }, lockoutMs: 1000, jack: 'off' },
      },
      '/etc/terminmarke',
    );
    expect(config.keypad).toEqual({
      keys: { enter: ['Space', 'NumpadEnter'] },
      lockoutMs: 1000,
      jack: 'off',
    });
  });

  it('names an unknown action, a code that is no code, and a lockout beyond a second', () => {
    const bad = {
      ...valid,
      keypad: { keys: { jump: ['Space'], up: ['Arrow Up'] }, lockoutMs: 1500 },
    };
    let message = '';
    try {
      parseDeviceConfig(bad, '/etc/terminmarke');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/keypad\.keys/);
    expect(message).toMatch(/KeyboardEvent\.code/);
    expect(message).toMatch(/keypad\.lockoutMs/);
  });
});
