/**
 * `terminmarke decode [--json] IMAGE…` (docs/cli.md, contract): decodes the QR code in each
 * image file with the check-in camera's pipeline and prints one line per image — the payload or
 * `-`; with `--json` one object per line, `{"file","text","ms"}`, `text` null when none is found.
 */
import { parseArgs } from 'node:util';
import { decodeQrFromFile } from './decode-file.ts';

const USAGE = 'usage: terminmarke decode [--json] IMAGE…';

interface DecodeLine {
  file: string;
  text: string | null;
  ms: number;
}

/** Decodes one file; a file that cannot be read becomes `text: null` and a message. */
async function decodeOne(file: string): Promise<{ line: DecodeLine; problem?: string }> {
  const started = performance.now();
  try {
    const text = await decodeQrFromFile(file);
    return { line: { file, text, ms: elapsedSince(started) } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { line: { file, text: null, ms: elapsedSince(started) }, problem: reason };
  }
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/**
 * Runs the subcommand; exit 0 when every file was read (found or not), 1 when some file could
 * not be read, 2 on bad usage. e.g. run(['--json', 'ticket.png']) prints {"file":"ticket.png",…}
 */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(
      `terminmarke decode: ${error instanceof Error ? error.message : error}\n${USAGE}`,
    );
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error(`terminmarke decode: no image given\n${USAGE}`);
    return 2;
  }
  let unreadable = 0;
  for (const file of files) {
    const { line, problem } = await decodeOne(file);
    if (problem !== undefined) {
      unreadable++;
      console.error(`terminmarke decode: cannot read ${file}: ${problem}`);
    }
    console.log(parsed.values.json ? JSON.stringify(line) : (line.text ?? '-'));
  }
  return unreadable === 0 ? 0 : 1;
}
