// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that would tie a pure or browser module to a platform it must not know. */
const nodeOnly = ['node:*', 'fs', 'path', 'crypto', 'http', 'net', 'os', 'child_process', 'url'];
const adapters = ['better-sqlite3', 'electron', 'node-thermal-printer', '@napi-rs/canvas'];
const react = ['react', 'react-dom', 'react/*', 'react-dom/*'];

/**
 * The layers of src/: for each top-level folder, the other folders it may import (a folder may
 * always import itself), packages it must not import, and why. `only` narrows a folder to some
 * of its files (the renderer sees the host's contract types, nothing else of the host).
 */
const LAYERS = {
  core: { may: [], noPackages: [...nodeOnly, ...adapters, ...react], why: 'is pure domain' },
  wire: { may: ['core'], noPackages: [...nodeOnly, ...adapters, ...react], why: 'is the protocol' },
  platform: { may: ['core'], why: 'wraps the clock, crypto and the web bundler' },
  store: { may: ['core'], why: 'is SQLite access' },
  ports: { may: ['core'], why: 'names what the host needs' },
  server: { may: ['core', 'wire', 'store', 'platform'], why: 'is the central server' },
  sync: { may: ['core', 'wire', 'store', 'platform', 'ports'], why: 'is the device side of sync' },
  printer: { may: ['core', 'platform', 'texts'], why: 'is ticket layout and transports' },
  scanner: { may: ['core'], why: 'is payload reading and decoding' },
  speech: { may: ['core', 'platform'], why: 'is speech synthesis and its outputs' },
  texts: {
    may: ['core'],
    noPackages: [...nodeOnly, ...adapters, ...react],
    why: 'is the text catalogues, read by the screens and the ticket',
  },
  simulator: { may: ['core'], why: 'simulates an office day from the core rules' },
  office: {
    may: ['core', 'store', 'server', 'platform'],
    why: 'reads, checks and applies the office configuration document',
  },
  host: {
    may: ['core', 'ports', 'printer', 'scanner', 'speech', 'platform', 'wire', 'sync'],
    // The counter and display hosts read the queue straight from the server through the device's
    // API client and event stream; everything else of sync stays behind the ports.
    only: { sync: ['api-client.ts', 'sse-client.ts'] },
    why: 'serves the screens over ports; app wires the schedule in',
  },
  renderer: {
    may: ['core', 'scanner', 'texts', 'host', 'speech', 'wire'],
    // The wall display words its announcements with the same pure text builder the host speaks.
    // The office page talks to the server itself and checks its answers with the wire's schemas.
    only: {
      host: ['contract.ts', 'host-error.ts'],
      speech: ['announcement.ts'],
      wire: ['queue.ts'],
    },
    noPackages: [...nodeOnly, ...adapters],
    why: 'is a web page: use the host contract instead',
  },
  main: { may: ['core', 'host', 'app', 'platform'], why: 'is the thin Electron shell' },
  app: {
    may: [
      'core',
      'wire',
      'store',
      'platform',
      'ports',
      'server',
      'sync',
      'host',
      'printer',
      'scanner',
      'speech',
    ],
    why: 'is the composition root',
  },
  doctor: {
    may: ['core', 'host', 'store', 'sync', 'printer', 'platform'],
    why: 'checks a device installation from its config',
  },
  cli: {
    may: ['app', 'server', 'scanner', 'printer', 'doctor', 'simulator', 'office'],
    why: 'only dispatches to subcommands',
  },
};

/** Relative prefixes that reach src/ from a file up to four folders deep. */
const UP = ['../', '../../', '../../../', '../../../../'];

/** no-restricted-imports patterns for one folder: every other folder not in `may`, and packages. */
function importLimits(folder, layer) {
  const banned = Object.keys(LAYERS).filter((f) => f !== folder && !layer.may.includes(f));
  const patterns = [
    {
      group: banned.flatMap((f) => UP.map((up) => `${up}${f}/**`)),
      message: `src/${folder} ${layer.why}: it may import only ${
        layer.may.length ? layer.may.join(', ') : 'itself'
      } (docs/architecture.md).`,
    },
  ];
  for (const [f, files] of Object.entries(layer.only ?? {})) {
    patterns.push({
      group: UP.flatMap((up) => [`${up}${f}/**`, ...files.map((file) => `!${up}${f}/${file}`)]),
      message: `src/${folder} may import only ${files.join(', ')} of src/${f}.`,
    });
  }
  if (layer.noPackages) {
    patterns.push({ group: layer.noPackages, message: `src/${folder} ${layer.why}.` });
  }
  return patterns;
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'docs/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain core is pure: it takes data (and `now`) and returns data or decisions.
    files: ['src/core/**/*.ts'],
    // Tests may use Node (HMAC for signing) and shared test fixtures; the core itself may not.
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'window', 'document'],
    },
  },
  {
    // The renderer runs in a sandboxed page: it reaches the host only through the contract.
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Which top-level folder of src/ may import which (docs/architecture.md). One block per folder;
  // a later block setting the same rule would replace it, so each folder's rule is whole here.
  ...Object.entries(LAYERS).map(([folder, layer]) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ...(folder === 'core' ? { ignores: ['src/core/**/*.test.ts'] } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns: importLimits(folder, layer) }] },
  })),
);
