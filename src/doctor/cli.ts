/**
 * `terminmarke doctor --config FILE`: one line per check, ✔ or ✘, and for ✘ what to do.
 * Exit code 0 when every check passes, 1 otherwise, 2 for wrong usage.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadDeviceConfig, readServerCa } from '../host/config.ts';
import { clockFromEnvironment } from '../platform/clock.ts';
import { fetchTrusting } from '../sync/trusted-fetch.ts';
import { type CheckResult, runChecks } from './checks.ts';

const USAGE = 'usage: terminmarke doctor --config FILE';
const PASS = '\u2714';
const FAIL = '\u2718';

/** Runs the doctor; returns the exit code. e.g. run(['--config', 'kiosk.json']) → 0 */
export async function run(args: string[]): Promise<number> {
  let file: string | undefined;
  try {
    file = parseArgs({ args, options: { config: { type: 'string' } }, strict: true }).values.config;
  } catch (error) {
    console.error(`terminmarke doctor: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (file === undefined) {
    console.error(`terminmarke doctor: --config is required\n${USAGE}`);
    return 2;
  }
  let results: CheckResult[];
  try {
    const config = loadDeviceConfig(file);
    // The doctor reaches the server the way the device does: through server.ca when one is set.
    const ca = readServerCa(config);
    results = [
      {
        ok: true,
        label: 'config valid',
        detail: `${config.role} ${config.deviceId}, office ${config.officeId}`,
      },
      ...(await runChecks({
        config,
        clock: clockFromEnvironment(),
        fetch: ca === undefined ? fetch : fetchTrusting(ca),
        timeoutMs: 5_000,
      })),
    ];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    results = [
      {
        ok: false,
        label: 'config valid',
        detail: error.message.replace(/\n\s*/g, '; '),
        advice: 'Fix the named fields; nothing else was checked.',
      },
    ];
  }
  for (const result of results) console.log(formatResult(result));
  return results.every((result) => result.ok) ? 0 : 1;
}

/** One line. e.g. ✘ clock matches the server: 300 s behind — Turn on time sync … */
export function formatResult(result: CheckResult): string {
  const head = `${result.ok ? PASS : FAIL} ${result.label}: ${result.detail}`;
  return result.ok || !result.advice ? head : `${head} — ${result.advice}`;
}
