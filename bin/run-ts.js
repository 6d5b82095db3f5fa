#!/usr/bin/env node
// Runs one TypeScript file of the repository (benchmarks, scripts) through tsx's loader.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run-ts.js FILE.ts [ARGS…]');
  process.exit(2);
}
register();
process.argv = [process.argv[0] ?? 'node', file, ...args];
await import(pathToFileURL(resolve(file)).href);
