/**
 * Runs every benchmark (`bench/*.bench.ts`) one after another, each in its own process so that
 * one's garbage and JIT state do not colour the next one's figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
let failed = 0;
for (const name of files) {
  console.log(`\n## ${name}`);
  const result = spawnSync(
    process.execPath,
    [join(here, '..', 'bin', 'run-ts.js'), join(here, name)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
