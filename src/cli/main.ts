/**
 * `terminmarke` — one executable for every role (docs/cli.md). Each subcommand lives beside the
 * code it drives and is loaded only when called, so `--help` starts fast.
 */
import { exitCodeOf } from '../app/exit-code.ts';

interface Subcommand {
  summary: string;
  usage: string;
  load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  server: {
    summary: 'run the central schedule server',
    usage:
      'terminmarke server --port N --db FILE [--seed demo] [--token T] [--host H] [--tls-cert F --tls-key F]',
    load: () => import('../server/cli.ts'),
  },
  token: {
    summary: 'create, list or revoke device tokens in the server database',
    usage:
      'terminmarke token create|list|revoke --db FILE [--office O --role R --device D | --id ID]',
    load: () => import('../server/token-cli.ts'),
  },
  office: {
    summary: "export or import an office's configuration (services, counters, hours, policy)",
    usage:
      'terminmarke office export|import --db FILE --office O [FILE.yaml|FILE.json|-] [--dry-run]',
    load: () => import('../office/cli.ts'),
  },
  key: {
    summary: 'rotate an office ticket key (the previous one still verifies for a grace period)',
    usage: 'terminmarke key rotate --db FILE --office O [--grace-hours H]',
    load: () => import('../server/key-cli.ts'),
  },
  kiosk: {
    summary: 'run a device host (kiosk, check-in) in browser mode',
    usage: 'terminmarke kiosk --config FILE',
    load: () => import('../app/kiosk-cli.ts'),
  },
  demo: {
    summary: 'run the whole demo: server, kiosk and check-in with a virtual printer',
    usage: 'terminmarke demo [--port N] [--dir DIR]',
    load: () => import('../app/demo-cli.ts'),
  },
  doctor: {
    summary: 'check a device: config, server, token, clock, printer, replica, disk, fonts',
    usage: 'terminmarke doctor --config FILE',
    load: () => import('../doctor/cli.ts'),
  },
  decode: {
    summary: 'decode QR codes from image files (PNG/JPEG)',
    usage: 'terminmarke decode [--json] IMAGE…',
    load: () => import('../scanner/cli.ts'),
  },
  stats: {
    summary: "an office's statistics per day or hour as CSV, JSON or XLSX (aggregates only)",
    usage:
      'terminmarke stats --db FILE --office O --from D --to D [--by day|hour] [--format csv|json|xlsx] [--out FILE]',
    load: () => import('../server/statistics-cli.ts'),
  },
  simulate: {
    summary: 'simulate office days: express counter vs walk-ins drawn into unused short slots',
    usage:
      'terminmarke simulate [--params FILE.json] [--seed N] [--days N] [--json] [--chart FILE.png]',
    load: () => import('../simulator/cli.ts'),
  },
  'print-test': {
    summary: 'print a sample ticket',
    usage: 'terminmarke print-test --printer tcp://HOST:PORT|DEVICE|virtual:DIR',
    load: () => import('../printer/cli.ts'),
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length));
  const lines = Object.entries(SUBCOMMANDS).map(
    ([name, sub]) =>
      `  ${name.padEnd(width)}  ${sub.summary}\n  ${' '.repeat(width)}  ${sub.usage}`,
  );
  return [
    'Terminmarke — walk-in tickets and check-in for the Bürgerbüro',
    '',
    'usage: terminmarke <command> [options]',
    '',
    ...lines,
    '',
    'Environment: TERMINMARKE_NOW=<ISO 8601 with offset> starts the clock at that instant;',
    '             TERMINMARKE_TOKEN=<token> is the demo token when --token is not given',
    '             (loopback only; devices in production get their own from `token create`).',
  ].join('\n');
}

/** Runs the command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return 0;
  }
  if (name === '--version') {
    console.log('terminmarke 0.1.0');
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    console.error(`terminmarke: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`usage: ${sub.usage}`);
    return 0;
  }
  try {
    const module = await sub.load();
    return await module.run(rest);
  } catch (error) {
    console.error(`terminmarke ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodeOf(error);
  }
}
