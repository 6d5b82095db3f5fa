/**
 * Speech through the device host: a config with `"speech": {"output": "virtual:DIR"}`, the real
 * browser transport on 127.0.0.1 and espeak-ng. `speech/say` answers where to fetch the WAV, the
 * transport serves it, and hostile arguments get a 4xx in the error shape.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseDeviceConfig } from '../../src/host/config.ts';
import { type RunningHost, startDeviceHostFromConfig } from '../../src/app/start-host.ts';
import { createManualClock } from '../../src/platform/clock.ts';
import { measureWav } from '../../src/speech/wav.ts';
import { createMemorySchedule } from '../support/memory-schedule.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir('terminmarke-speech-host-');
const running: RunningHost[] = [];

afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
});

const baseConfig = (dir: string) => ({
  role: 'kiosk',
  deviceId: 'kiosk-test',
  officeId: 'demo',
  server: { url: 'http://127.0.0.1:9', token: 't' },
  dataDir: dir,
  printer: `virtual:${join(dir, 'tickets')}`,
  http: { port: 0 },
});

async function startKiosk() {
  const dir = tempDir();
  const config = parseDeviceConfig(
    { ...baseConfig(dir), speech: { output: 'virtual:speech' } },
    dir,
  );
  const screens = join(dir, 'screens');
  mkdirSync(screens);
  writeFileSync(join(screens, 'index.html'), '<!doctype html>');
  writeFileSync(join(screens, 'styles.css'), '');
  const host = await startDeviceHostFromConfig(config, {
    clock: createManualClock(Date.parse('2026-11-24T09:00:00+01:00')),
    schedule: { schedule: createMemorySchedule('2026-11-24'), stop: async () => undefined },
    bundle: { javascript: '' },
    rendererDir: screens,
  });
  running.push(host);
  const call = async (name: string, arg?: unknown) => {
    const response = await fetch(`${host.url}/host/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: arg === undefined ? undefined : JSON.stringify(arg),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { host, call, speechDir: join(dir, 'speech') };
}

describe('speech through the device host', () => {
  it('says a text, serves its WAV at the answered URL, and logs it in the virtual output', async () => {
    const { host, call, speechDir } = await startKiosk();
    const said = await call('speech/say', { text: 'Ihre Aufrufnummer: K, 0, 4, 2.', lang: 'de' });
    expect(said.status).toBe(200);
    expect(Object.keys(said.body).sort()).toEqual(['durationMs', 'id', 'lang', 'url']);
    expect(said.body.url).toBe(`/host/speech/${String(said.body.id)}.wav`);
    const audio = await fetch(`${host.url}${String(said.body.url)}`);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await audio.arrayBuffer());
    expect(wav.equals(readFileSync(join(speechDir, 'utt-0001.wav')))).toBe(true);
    const levels = measureWav(wav);
    expect(said.body.durationMs).toBe(Math.round(levels.durationMs));
    expect(levels.durationMs).toBeGreaterThan(1_000);
    expect(levels.rms).toBeGreaterThan(0.03);
    expect(host.speechAudio?.(String(said.body.id))?.equals(wav)).toBe(true);

    expect((await call('speech/cancel')).body).toEqual({ cancelled: true });
    await until(() => existsSync(join(speechDir, 'utterances.jsonl')));
    await until(() => readFileSync(join(speechDir, 'utterances.jsonl'), 'utf8').endsWith('\n'));
    expect(JSON.parse(readFileSync(join(speechDir, 'utterances.jsonl'), 'utf8'))).toMatchObject({
      file: 'utt-0001.wav',
      text: 'Ihre Aufrufnummer: K, 0, 4, 2.',
      lang: 'de',
      cancelled: true,
    });
  });

  it.each([
    ['no text', { lang: 'de' }],
    ['an empty text', { text: '   ', lang: 'de' }],
    ['a language the kiosk does not have', { text: 'Hallo', lang: 'fr' }],
    ['a text beyond 4000 characters', { text: 'a'.repeat(4001), lang: 'de' }],
    ['an extra field', { text: 'Hallo', lang: 'de', voice: '../../etc/passwd' }],
    ['a text that is not a string', { text: ['Hallo'], lang: 'de' }],
  ])('refuses %s with 400 invalid-argument and says nothing', async (_, arg) => {
    const { call, speechDir } = await startKiosk();
    const answer = await call('speech/say', arg);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid-argument' } });
    expect(existsSync(join(speechDir, 'utt-0001.wav'))).toBe(false);
  });

  it('answers 404 for audio it does not have and 405 for anything but GET', async () => {
    const { host, call } = await startKiosk();
    const unknown = await fetch(`${host.url}/host/speech/00000000-0000-4000-8000-000000000000.wav`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });
    const said = await call('speech/say', { text: 'Hallo', lang: 'de' });
    const post = await fetch(`${host.url}${String(said.body.url)}`, { method: 'POST' });
    expect(post.status).toBe(405);
    const odd = await fetch(`${host.url}/host/speech/..%2Fconfig.wav`);
    expect(odd.status).toBeGreaterThanOrEqual(400);
    expect(odd.status).toBeLessThan(500);
  });
});

describe('the speech part of the device config', () => {
  it('defaults to no speech section and resolves virtual:DIR against the config file', () => {
    expect(parseDeviceConfig(baseConfig('/d'), '/etc/terminmarke').speech).toBeUndefined();
    expect(
      parseDeviceConfig(
        { ...baseConfig('/d'), speech: { output: 'virtual:out/speech' } },
        '/etc/tm',
      ).speech,
    ).toEqual({ output: 'virtual:/etc/tm/out/speech' });
    expect(parseDeviceConfig({ ...baseConfig('/d'), speech: {} }, '/etc/tm').speech).toEqual({
      output: 'default',
    });
  });

  it.each([{ output: 'speaker' }, { output: 'virtual:' }, { output: 'default', volume: 3 }])(
    'names the bad field: %j',
    (speech) => {
      expect(() => parseDeviceConfig({ ...baseConfig('/d'), speech }, '/etc/tm')).toThrow(
        ConfigError,
      );
      expect(() => parseDeviceConfig({ ...baseConfig('/d'), speech }, '/etc/tm')).toThrow(/speech/);
    },
  );
});
