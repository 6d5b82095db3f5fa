import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PHOTOS = 'test/fixtures/ticket-photos';
const manifest = JSON.parse(readFileSync(join(PHOTOS, 'manifest.json'), 'utf8')) as {
  photos: { file: string; text: string }[];
};
const [first, second] = manifest.photos as [
  { file: string; text: string },
  { file: string; text: string },
];

function decode(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/terminmarke.js', 'decode', ...args], {
    encoding: 'utf8',
  });
  return {
    status: result.status,
    lines: result.stdout.trimEnd().split('\n'),
    stderr: result.stderr,
  };
}

describe('terminmarke decode', () => {
  it('prints the payload of each image on its own line, in order', () => {
    const result = decode(join(PHOTOS, first.file), join(PHOTOS, second.file));
    expect(result.lines).toEqual([first.text, second.text]);
    expect(result.status).toBe(0);
  });

  it('prints one JSON object per image with --json', () => {
    const result = decode('--json', join(PHOTOS, first.file), 'package.json');
    const [found, unreadable] = result.lines.map((line) => JSON.parse(line));
    expect(found).toMatchObject({ file: join(PHOTOS, first.file), text: first.text });
    expect(typeof found.ms).toBe('number');
    expect(unreadable).toMatchObject({ file: 'package.json', text: null });
  });

  it('prints - for a missing file, says why on stderr and exits non-zero without a trace', () => {
    const result = decode('/nonexistent/ticket.png', join(PHOTOS, first.file));
    expect(result.lines).toEqual(['-', first.text]);
    expect(result.stderr).toContain('cannot read /nonexistent/ticket.png');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
  });

  it('refuses to run without an image', () => {
    const result = decode();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: terminmarke decode');
  });
});
