#!/usr/bin/env node
// The `terminmarke` command. Sources are TypeScript run through tsx's loader, so the command
// works straight after `npm ci` with no build step (docs/cli.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
