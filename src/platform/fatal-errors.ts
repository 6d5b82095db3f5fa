/**
 * A process's last word. An exception nobody caught, or a rejected promise nobody awaited, leaves
 * the process in a state no code planned for: it is logged with its stack, in one line a log
 * reader can find, and the process exits non-zero so its supervisor (systemd, the Electron
 * shell's launcher) restarts it and counts the restart.
 */
import { inspect } from 'node:util';

/** Exit code after an uncaught error: 70, EX_SOFTWARE of sysexits(3). */
export const EXIT_UNCAUGHT = 70;

export interface FatalErrorOptions {
  /** Where the last word goes; stderr by default. */
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * Installs the handlers for `name` (e.g. 'terminmarke server'); returns their disposer.
 * e.g. a throw in a timer → "terminmarke server: uncaught exception, exiting: Error: boom\n    at …", exit 70
 */
export function installFatalErrorHandlers(
  name: string,
  options: FatalErrorOptions = {},
): () => void {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const last = (what: string) => (reason: unknown) => {
    try {
      log(`${name}: ${what}, exiting: ${describeFatal(reason)}`);
    } finally {
      exit(EXIT_UNCAUGHT);
    }
  };
  const onException = last('uncaught exception');
  const onRejection = last('unhandled promise rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

/** The stack when there is one, else the value as Node would show it. */
function describeFatal(reason: unknown): string {
  if (reason instanceof Error && reason.stack) return reason.stack;
  return inspect(reason, { depth: 4 });
}
