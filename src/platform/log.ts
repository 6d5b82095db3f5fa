/**
 * Structured logs: one JSON object per line (pino), to stdout and to a file in the data folder
 * that rolls daily and by size (pino-roll), old files pruned. Everything passes the scrubber of
 * `log-scrub.ts` first, so no token, Terminkennung, QR payload, ticket key or name gets written.
 *
 * Both streams write synchronously: a line is on disk before the call returns, so the last words
 * of a process killed a moment later (SIGKILL, power cut, a supervisor's restart) are not lost.
 * Our volume (a line per request, a few hundred per minute) makes that cheap.
 */
import { join } from 'node:path';
import pino from 'pino';
import pinoRoll, { type RollingStream } from 'pino-roll';
import { REDACTED, scrubFields, scrubText } from './log-scrub.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

/** What the rest of the code receives. e.g. log.warn('upload refused', { status: 409, err }) */
export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** A logger whose lines all carry `bindings`. e.g. log.child({ device: 'kiosk-1' }) */
  child(bindings: LogFields): Logger;
}

/** A logger that owns its file: close it when the process is done. */
export interface OpenLogger extends Logger {
  /** The file being written now (it changes when the log rolls); null without a file. */
  currentFile(): string | null;
  close(): Promise<void>;
}

export interface LogFileOptions {
  /** The folder of the log files; made when missing. */
  dir: string;
  /** Base name: files are `<name>.<yyyy-MM-dd>.<n>.log`. */
  name: string;
  /** Roll when a file passes this size: bytes, or with k/m/g (pino-roll's notation). */
  maxSize?: string;
  /** Old files kept beside the current one. */
  keep?: number;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Also write to stdout (true by default). */
  stdout?: boolean;
  file?: LogFileOptions | null;
  /** Fields on every line, e.g. { service: 'server' }. */
  bindings?: LogFields;
}

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';
export const DEFAULT_LOG_MAX_SIZE = '10m';
export const DEFAULT_LOG_KEEP = 14;

/**
 * Known places of secrets in what we log, for pino's own redaction. The scrubber covers these
 * keys at any depth already; this is the second lock, on the structure rather than the strings.
 * Fixed paths only: each wildcard path cost as much as the rest of a line (measured ~15 µs).
 */
const REDACT_PATHS = [
  'authorization',
  'token',
  'ticketKey',
  'qr',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'err.token',
];

/** e.g. 'debug' → 'debug'; anything else throws, naming the levels. */
export function parseLogLevel(text: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === text);
  if (!level)
    throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')} (got '${text}')`);
  return level;
}

function pinoOptions(level: LogLevel, bindings: LogFields): pino.LoggerOptions {
  return {
    level,
    base: { pid: process.pid, ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // The scrubber has already made errors plain fields; pino's own would rename their type.
    serializers: { err: (value: unknown) => value },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (fields) => scrubFields(fields),
      log: (fields) => scrubFields(fields),
    },
  };
}

function wrap(target: pino.Logger): Logger {
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') => (message: string, fields?: LogFields) => {
      if (target.isLevelEnabled(level)) target[level](fields ?? {}, scrubText(message));
    };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: (bindings) => wrap(target.child(bindings)),
  };
}

/**
 * Opens stdout and the rolling file. e.g. await openLogger({ file: { dir: '/var/lib/tm', name: 'server' } })
 */
export async function openLogger(options: LoggerOptions = {}): Promise<OpenLogger> {
  const level = options.level ?? DEFAULT_LOG_LEVEL;
  const streams: pino.StreamEntry[] = [];
  if (options.stdout !== false) {
    streams.push({ level: 'trace', stream: pino.destination({ dest: 1, sync: true }) });
  }
  let file: RollingStream | null = null;
  if (options.file) {
    const { dir, name, maxSize, keep } = options.file;
    file = await pinoRoll({
      file: join(dir, name),
      extension: '.log',
      frequency: 'daily',
      dateFormat: 'yyyy-MM-dd',
      size: maxSize ?? DEFAULT_LOG_MAX_SIZE,
      limit: { count: keep ?? DEFAULT_LOG_KEEP },
      mkdir: true,
      sync: true,
    });
    // A full disk or a removed folder must not take the server down with it; say so on stderr,
    // the one place left, once per kind of failure.
    const reported = new Set<string>();
    file.on('error', (error: NodeJS.ErrnoException) => {
      const kind = error.code ?? error.message;
      if (reported.has(kind)) return;
      reported.add(kind);
      process.stderr.write(`terminmarke: cannot write the log file: ${error.message}\n`);
    });
    streams.push({ level: 'trace', stream: file });
  }
  const target = pino(pinoOptions(level, options.bindings ?? {}), pino.multistream(streams));
  const rolling = file;
  return {
    ...wrap(target),
    currentFile: () => rolling?.file ?? null,
    close: () => (rolling ? closeStream(rolling) : Promise.resolve()),
  };
}

function closeStream(stream: RollingStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
    stream.end();
  });
}

/**
 * A logger on any stream, synchronous, without a file: for tests and for code started without
 * one. e.g. streamLogger(process.stderr, 'warn')
 */
export function streamLogger(
  stream: { write(line: string): unknown },
  level: LogLevel = DEFAULT_LOG_LEVEL,
  bindings: LogFields = {},
): Logger {
  return wrap(pino(pinoOptions(level, bindings), stream));
}

/** For code run without a logger of its own (in-process tests): warnings and errors to stderr. */
export function stderrLogger(bindings: LogFields = {}): Logger {
  return streamLogger(process.stderr, 'warn', bindings);
}

let fallback: Logger | null = null;

/** One shared `stderrLogger()` for defaults on hot paths, made on first use. */
export function defaultLogger(): Logger {
  fallback ??= stderrLogger();
  return fallback;
}
