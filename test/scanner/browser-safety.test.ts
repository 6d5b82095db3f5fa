import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules the check-in screen bundles for the browser, and everything they import locally. */
const BROWSER_ENTRIES = [
  'src/scanner/decode-frame.ts',
  'src/scanner/hid-wedge.ts',
  'src/scanner/scanned-text.ts',
  'src/scanner/manual-entry.ts',
];
const NODE_ONLY = /^(node:|fs$|path$|crypto$|os$|url$|child_process$|@napi-rs\/canvas|pngjs)/;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

function reachable(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const imports = importsOf(file);
    seen.set(file, imports);
    for (const spec of imports) if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
  }
  return seen;
}

describe('browser-side scanner modules', () => {
  it('import nothing from Node, directly or through their local imports', () => {
    const modules = reachable(BROWSER_ENTRIES);
    expect([...modules.keys()]).toContain('src/scanner/qr-engines.ts');
    const offenders = [...modules].flatMap(([file, imports]) =>
      imports.filter((spec) => NODE_ONLY.test(spec)).map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
