/**
 * A kiosk's logs on real processes: JSON lines on stdout and in `device.<date>.<n>.log` in its
 * data folder, each with its device id; what was written before a SIGKILL is still there after
 * the restart; a refused token is logged, never the token; a drawn ticket's code never appears.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MELDE,
  TEST_NOW,
  TOKEN,
  api,
  dbIn,
  startServerProcess,
} from '../server/support/server-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import {
  type KioskSetup,
  eventually,
  hostCall,
  later,
  nextPrintJob,
  startKioskProcess,
} from './support/kiosk-process.ts';

const tempDir = useTempDir('terminmarke-device-logs-');

type Line = Record<string, unknown>;

function jsonLines(text: string): Line[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line);
}

function deviceLog(setup: KioskSetup): string {
  const dir = join(setup.dir, `${setup.deviceId}-data`);
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => /^device\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

describe('device logs', () => {
  it('keeps a kiosk’s lines across a SIGKILL, names the device, and leaves out codes and tokens', async () => {
    const started = Date.now();
    const dir = tempDir();
    const server = await startServerProcess({ db: dbIn(dir), args: ['--hold-seconds', '2'] });
    const setup: KioskSetup = {
      dir,
      deviceId: 'kiosk-logs',
      serverUrl: server.url,
      token: TOKEN,
      printerDir: join(dir, 'tickets'),
    };
    const kiosk = await startKioskProcess(setup, TEST_NOW);
    void hostCall(kiosk.url, 'ticket/draw', { services: [MELDE], language: 'de' }).catch(
      () => undefined, // the kiosk dies before it answers
    );
    await nextPrintJob(setup.printerDir, 0);
    await kiosk.kill('SIGKILL');
    const firstRun = jsonLines(deviceLog(setup));
    expect(firstRun[0]).toMatchObject({
      level: 'info',
      msg: 'device started',
      service: 'kiosk',
      device: 'kiosk-logs',
    });

    const again = await startKioskProcess(setup, later(TEST_NOW, Date.now() - started));
    // "device started" follows the "Open …" line the helper waits for.
    await eventually(
      () => jsonLines(deviceLog(setup)).filter((l) => l.msg === 'device started').length === 2,
      15_000,
      'the second run started in the log file',
    );
    const lines = jsonLines(deviceLog(setup));
    // The first run's lines are still there, the second run's follow in the same day's file.
    expect(lines.filter((l) => l.msg === 'device started')).toHaveLength(2);
    expect(lines.find((l) => String(l.msg).includes('that were printing'))).toMatchObject({
      level: 'warn',
      device: 'kiosk-logs',
      confirmed: 1,
    });
    await again.kill('SIGTERM');

    // A kiosk whose token the server refuses says so in its log, without the token.
    const wrongToken = 'tm_thisTokenIsNotKnownToTheServer0';
    const refused: KioskSetup = { ...setup, deviceId: 'kiosk-refused', token: wrongToken };
    const other = await startKioskProcess(refused, later(TEST_NOW, Date.now() - started));
    await eventually(
      () => jsonLines(deviceLog(refused)).some((l) => l.level === 'error'),
      15_000,
      'an error line',
    );
    const failure = jsonLines(deviceLog(refused)).find((l) => l.level === 'error');
    expect(failure).toMatchObject({ device: 'kiosk-refused', err: { status: 401 } });
    await other.kill('SIGTERM');

    const { body } = await api<{ appointments: { code: string; source: string }[] }>(
      server,
      'GET',
      '/offices/demo/appointments?date=2026-11-24',
    );
    const codes = body.appointments.filter((a) => a.source === 'walk-in').map((a) => a.code);
    expect(codes).toHaveLength(1);
    const everything =
      deviceLog(setup) + deviceLog(refused) + kiosk.output() + again.output() + other.output();
    for (const secret of [...codes, TOKEN, wrongToken, 'TM1.']) {
      expect(everything).not.toContain(secret);
    }
  }, 120_000);
});
