import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLogger, parseLogLevel, streamLogger } from './log.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function logFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2)));
}

function linesOf(dir: string): Record<string, unknown>[] {
  return logFiles(dir).flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('openLogger', () => {
  it('writes JSON lines with level, time, bindings and fields to its file', async () => {
    const dir = tempDir();
    const log = await openLogger({
      stdout: false,
      file: { dir, name: 'server' },
      bindings: { service: 'server' },
    });
    log.child({ office: 'demo' }).warn('upload refused', { status: 409 });
    log.debug('not at info level');
    await log.close();
    const [line, ...rest] = linesOf(dir);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      level: 'warn',
      service: 'server',
      office: 'demo',
      status: 409,
      msg: 'upload refused',
    });
    expect(Date.parse(String(line?.time))).not.toBeNaN();
    expect(logFiles(dir)[0]).toMatch(/^server\.\d{4}-\d{2}-\d{2}\.1\.log$/);
  });

  it('rolls to a new file past the size limit and keeps only the newest old ones', async () => {
    const dir = tempDir();
    const log = await openLogger({
      stdout: false,
      file: { dir, name: 'server', maxSize: '1k', keep: 2 },
    });
    for (let i = 0; i < 60; i++) {
      log.info('request', { i, route: '/api/v1/offices/:office/capacity', status: 200 });
      // Rolling happens between writes, once the stream has drained (as between requests).
      await tick();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await log.close();
    const files = logFiles(dir);
    // 60 lines of ~150 bytes over 1 KiB files: many rolls, of which the current and 2 are left.
    expect(files.length).toBe(3);
    expect(Number(files.at(-1)?.split('.').at(-2))).toBeGreaterThan(3);
    const numbers = linesOf(dir).map((line) => line.i);
    // The files left hold the last lines, in order, none lost between them.
    expect(numbers).toEqual(numbers.map((_, k) => 60 - numbers.length + k));
  });

  it('rolls to a new file when the day changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 10, 24, 23, 59, 0));
    const dir = tempDir();
    const log = await openLogger({ stdout: false, file: { dir, name: 'device' } });
    log.info('before midnight');
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    log.info('after midnight');
    await log.close();
    expect(logFiles(dir)).toEqual(['device.2026-11-24.1.log', 'device.2026-11-25.1.log']);
    expect(readFileSync(join(dir, 'device.2026-11-25.1.log'), 'utf8')).toContain('after midnight');
  });
});

describe('streamLogger', () => {
  it('never writes a token, code, payload, ticket key or name, however they come', () => {
    const lines: string[] = [];
    const log = streamLogger({ write: (line: string) => lines.push(line) }, 'debug');
    const hostile = {
      headers: { authorization: 'Bearer tm_5FYNMqnwiqWR1B1jl3-6y6RrIMD8rlMF' },
      body: { input: 'TM1.K7M4QP20.2611240940.3HW0R8QD', token: 'secret-demo' },
      ticket: { code: 'K7M4QP20', qr: 'TM1.K7M4QP20.2611240940.3HW0R8QD', callNumber: 'A12' },
      office: { ticketKey: 'ab'.repeat(32) },
      citizen: { firstName: 'Erika', lastName: 'Mustermann' },
      note: 'user typed "k7m4 qp20" and then K7M4-QP20',
    };
    log.child({ token: 'secret-demo' }).error('check-in of K7M4QP20 failed', {
      ...hostile,
      err: new Error('No appointment K7M4QP20 (TM1.K7M4QP20.2611240940.3HW0R8QD)'),
    });
    const text = lines.join('');
    for (const secret of [
      'tm_5FYN',
      'K7M4',
      'k7m4',
      'TM1.',
      'secret-demo',
      'abab',
      'Erika',
      'Mustermann',
    ]) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', ticket: { callNumber: 'A12' } });
    expect((line.err as Record<string, unknown>).stack).toMatch(/log\.test\.ts/);
  });
});

describe('parseLogLevel', () => {
  it('takes pino levels and names them when refusing', () => {
    expect(parseLogLevel('debug')).toBe('debug');
    expect(() => parseLogLevel('verbose')).toThrow(
      /fatal, error, warn, info, debug, trace, silent/,
    );
  });
});
