/**
 * A production install (`npm ci --omit=dev`, or electron-builder, which leaves devDependencies
 * out) must run the app: every package the shipped code imports is a dependency. Type-only
 * imports vanish at runtime and do not count; tests, benchmarks and scripts may use anything.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Electron's own module: the Electron runtime provides it (electron-builder wants the package in devDependencies). */
const PROVIDED_BY_RUNTIME = new Set(['electron']);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return runtimeSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Packages a source imports at runtime. e.g. "import x from '@a/b/c'" → ['@a/b'] */
function runtimePackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^'.][^']*)'/gm),
    ...source.matchAll(/^\s*import\s+'([^'.][^']*)'/gm),
    ...source.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)/g),
    ...source.matchAll(/\.resolve\(\s*'([^'.][^']*)'\s*\)/g),
  ].map((match) => match[1] ?? '');
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0] ?? ''))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('the runtime dependencies', () => {
  it('reads value imports, dynamic imports and resolved files, not type imports', () => {
    const source = [
      "import type { A } from 'only-types';",
      "import { b, type C } from '@scope/pkg/sub';",
      "const m = await import('lazy');",
      "require.resolve('zxing-wasm/reader/zxing_reader.wasm');",
      "import { readFileSync } from 'node:fs';",
      "import { x } from './local.ts';",
    ].join('\n');
    expect(runtimePackages(source)).toEqual(['@scope/pkg', 'lazy', 'zxing-wasm']);
  });

  it('every package that src/ imports at runtime is in dependencies', () => {
    const missing = runtimeSources(join(ROOT, 'src')).flatMap((file) =>
      runtimePackages(readFileSync(file, 'utf8'))
        .filter((name) => !(name in manifest.dependencies) && !PROVIDED_BY_RUNTIME.has(name))
        .map((name) => `${relative(ROOT, file)} imports ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
