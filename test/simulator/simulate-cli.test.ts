import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir.ts';

const makeTempDir = useTempDir();

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'terminmarke.js');

function simulate(args: string[]) {
  return spawnSync(process.execPath, [BIN, 'simulate', ...args], { encoding: 'utf8' });
}

describe('terminmarke simulate', () => {
  it('prints both scenarios as JSON and draws a chart a PNG reader opens', () => {
    const dir = makeTempDir();
    const chart = join(dir, 'sim.png');
    const run = simulate(['--days', '5', '--json', '--chart', chart]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { scenarios: { scenario: string }[] };
    expect(result.scenarios.map((s) => s.scenario)).toEqual([
      'express-counter',
      'walk-ins-in-short-slots',
    ]);
    const png = PNG.sync.read(readFileSync(chart));
    expect([png.width, png.height]).toEqual([1280, 420]);
  });

  it('refuses a parameter file with an unknown or bad field, naming each, exit 2', () => {
    const dir = makeTempDir();
    const file = join(dir, 'params.json');
    writeFileSync(file, JSON.stringify({ dayz: 3, onlineShare: 'half' }));
    const run = simulate(['--params', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dayz');
    expect(run.stderr).toContain('onlineShare');
  });
});
