/**
 * Builds what the Electron package runs (`npm run build:electron`, part of `npm run dist:linux`):
 * dist/main/index.cjs (main process with the device host), dist/main/preload.cjs (sandboxed
 * preload) and dist/renderer/ (the screens). Native and WebAssembly packages stay external and are
 * shipped unpacked by electron-builder.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { buildRendererBundle } from '../src/host/renderer-bundle.ts';

const external = [
  'electron',
  'better-sqlite3',
  '@napi-rs/canvas',
  'zxing-wasm',
  'node-thermal-printer',
  'esbuild',
  'tsx',
];
// Bundled CommonJS has no import.meta.url; modules that find files relative to themselves
// (migrations, renderer, wasm) get the bundle's own URL, which sits at the same depth.
const importMetaShim = "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;";

mkdirSync('dist/main', { recursive: true });
mkdirSync('dist/renderer', { recursive: true });
/** Main and preload: one CommonJS file each for Electron's Node 20. */
const forElectron = {
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
} as const;
await build({
  ...forElectron,
  entryPoints: { index: 'src/main/index.ts' },
  external,
  banner: { js: importMetaShim },
  define: { 'import.meta.url': '__bundleUrl' },
});
// The sandboxed preload may require nothing but electron.
await build({
  ...forElectron,
  entryPoints: { preload: 'src/main/preload.ts' },
  external: ['electron'],
});
const renderer = await buildRendererBundle();
writeFileSync('dist/renderer/app.js', renderer.javascript);
copyFileSync('src/renderer/index.html', 'dist/renderer/index.html');
copyFileSync('src/renderer/styles.css', 'dist/renderer/styles.css');
console.log('built dist/main/index.cjs, dist/main/preload.cjs and dist/renderer/');
