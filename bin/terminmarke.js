#!/usr/bin/env node
// The `terminmarke` command. Sources are TypeScript run through tsx's loader, so the command
// works straight after `npm ci` with no build step (docs/cli.md).
import { register } from 'tsx/esm/api';

register();
// Before anything else runs: an error nobody caught is logged with its stack, then exit 70.
const { installFatalErrorHandlers } = await import('../src/platform/fatal-errors.ts');
installFatalErrorHandlers(`terminmarke ${process.argv[2] ?? ''}`.trim());
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
