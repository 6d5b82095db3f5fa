/**
 * The device config file of `terminmarke kiosk --config FILE` (city IT writes it per device).
 * Validated whole, with errors that name the bad field; relative paths are relative to the file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../core/catalogue.ts';
import { KEYPAD_ACTIONS, MAX_LOCKOUT_MS } from '../core/keypad.ts';
import { isLoopbackHost } from '../platform/loopback.ts';
import type { PaperWidth } from '../printer/printable-ticket.ts';
import {
  PRINTER_PROFILES,
  PRINTER_PROFILE_IDS,
  type PrinterProfileId,
} from '../printer/printer-profile.ts';

/** https:// anywhere; plain http:// only to this machine. e.g. 'http://10.0.0.5:8787' → false */
function isSafeServerUrl(value: string): boolean {
  if (!URL.canParse(value)) return true; // the URL check itself reports this one
  const url = new URL(value);
  return url.protocol === 'https:' || isLoopbackHost(url.hostname);
}

const printerInterface = z
  .string()
  .min(1)
  .refine((value) => /^(tcp:\/\/[^:/\s]+:\d{1,5}|virtual:.+|\/dev\/\S+|printer:.+)$/.test(value), {
    message: 'must be tcp://HOST:PORT, a device path like /dev/usb/lp0, or virtual:DIR',
  });

/** `default`: the screen's audio device only; `virtual:DIR`: also kept as WAV + JSON lines. */
const speechOutput = z
  .string()
  .refine((value) => value === 'default' || /^virtual:.+$/.test(value), {
    message: 'must be "default" or virtual:DIR',
  });

/** A `KeyboardEvent.code` such as `ArrowUp`, `Numpad8` or `F1`. */
const keyCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'must be a KeyboardEvent.code like ArrowUp');

const configSchema = z
  .object({
    role: z.enum(['kiosk', 'checkin', 'counter', 'display']),
    deviceId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and hyphens'),
    officeId: z.string().min(1).max(64),
    server: z
      .object({
        url: z
          .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
          .refine(isSafeServerUrl, {
            message:
              'http:// only for a server on this machine (127.0.0.1, localhost, [::1]); ' +
              'use https:// across the network, where others could read the device token',
          }),
        token: z.string().min(1),
        /** A CA certificate (PEM file) to trust for the server, e.g. the city's own CA. */
        ca: z.string().min(1).optional(),
      })
      .strict(),
    /** Folder for the local replica and logs. */
    dataDir: z.string().min(1),
    /**
     * Days a day's records (tickets, staff calls, answered uploads) stay in the replica after
     * that day; unanswered uploads are never deleted.
     */
    retentionDays: z.number().int().min(1).max(3650).default(14),
    printer: printerInterface.optional(),
    /** The printer model's geometry and cut (`printer/printer-profile.ts`); decides the paper width. */
    printerProfile: z.enum(PRINTER_PROFILE_IDS).optional(),
    /** Without a profile: the generic 80 mm or 58 mm profile. */
    paperWidthMm: z.union([z.literal(80), z.literal(58)]).optional(),
    /**
     * The browser transport's listener. Needed in browser mode (`terminmarke kiosk`); under
     * Electron the screens talk over IPC and no port is opened unless this is set.
     */
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535),
      })
      .strict()
      .optional(),
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1)
      .default([...LANGUAGES]),
    idle: z
      .object({
        warnAfterSeconds: z.number().int().min(10).max(600).default(60),
        resetAfterWarningSeconds: z.number().int().min(5).max(120).default(20),
      })
      .strict()
      .default({ warnAfterSeconds: 60, resetAfterWarningSeconds: 20 }),
    selfCheckIn: z.boolean().default(false),
    /** How often the device reports its state to the server (`POST …/heartbeats`). */
    heartbeatSeconds: z.number().int().min(5).max(300).default(30),
    speech: z
      .object({ output: speechOutput.default('default') })
      .strict()
      .optional(),
    /**
     * Role `kiosk`: the tactile keypad of the speech-first mode. `keys` maps an action to the
     * `KeyboardEvent.code`s that mean it (only the actions named change); `lockoutMs` ignores
     * keys for that long after one was taken (tremor); `jack` reads the headset jack from ALSA
     * (`auto`) or not at all (`off`).
     */
    keypad: z
      .object({
        keys: z.partialRecord(z.enum(KEYPAD_ACTIONS), z.array(keyCode).min(1).max(8)).default({}),
        lockoutMs: z.number().int().min(0).max(MAX_LOCKOUT_MS).default(0),
        jack: z.enum(['auto', 'off']).default('auto'),
      })
      .strict()
      .default({ keys: {}, lockoutMs: 0, jack: 'auto' }),
    /** Role `counter`: the id of the counter (desk) this device calls for. */
    counter: z.string().min(1).max(64).optional(),
    /** Role `display`: how many calls the wall shows, and how a new call is announced. */
    display: z
      .object({
        rows: z.number().int().min(1).max(20).default(8),
        chime: z.boolean().default(true),
        speech: z.boolean().default(true),
      })
      .strict()
      .default({ rows: 8, chime: true, speech: true }),
  })
  .strict()
  .refine((config) => config.role !== 'counter' || config.counter !== undefined, {
    message: 'a counter device needs "counter": the id of its counter',
    path: ['counter'],
  })
  .refine((config) => config.role !== 'kiosk' || config.printer !== undefined, {
    message: 'a kiosk needs a printer (tcp://HOST:PORT, a device path, or virtual:DIR)',
    path: ['printer'],
  })
  .refine(
    (config) =>
      !config.printerProfile ||
      config.paperWidthMm === undefined ||
      PRINTER_PROFILES[config.printerProfile].paperMm === config.paperWidthMm,
    {
      message: 'does not match the paper width of "printerProfile"; leave one of them out',
      path: ['paperWidthMm'],
    },
  );

/** A valid device config with the printer's profile and paper width resolved. */
export type DeviceConfig = Omit<z.infer<typeof configSchema>, 'printerProfile' | 'paperWidthMm'> & {
  printerProfile: PrinterProfileId;
  paperWidthMm: PaperWidth;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates a parsed config; paths resolve against `baseDir`.
 * e.g. { role: 'kiosk', server: { url: 'ftp://x' } … } → ConfigError "server.url: must be an http…"
 */
export function parseDeviceConfig(raw: unknown, baseDir: string, source = 'config'): DeviceConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(top level)';
      return `  ${field}: ${issue.message}`;
    });
    throw new ConfigError(`${source} is not a valid device config:\n${problems.join('\n')}`);
  }
  const config = result.data;
  const printer = config.printer?.startsWith('virtual:')
    ? `virtual:${resolve(baseDir, config.printer.slice('virtual:'.length))}`
    : config.printer;
  const speech = config.speech?.output.startsWith('virtual:')
    ? { output: `virtual:${resolve(baseDir, config.speech.output.slice('virtual:'.length))}` }
    : config.speech;
  const server =
    config.server.ca === undefined
      ? config.server
      : { ...config.server, ca: resolve(baseDir, config.server.ca) };
  const paperWidthMm =
    (config.printerProfile && PRINTER_PROFILES[config.printerProfile].paperMm) ??
    config.paperWidthMm ??
    80;
  const printerProfile =
    config.printerProfile ?? (paperWidthMm === 58 ? 'generic-58' : 'generic-80');
  return {
    ...config,
    server,
    dataDir: resolve(baseDir, config.dataDir),
    printer,
    speech,
    printerProfile,
    paperWidthMm,
  };
}

/** The PEM text of `server.ca`, or undefined when none is set; a clear error when unreadable. */
export function readServerCa(config: DeviceConfig): string | undefined {
  const file = config.server.ca;
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`server.ca: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new ConfigError(`server.ca: ${file} holds no PEM certificate`);
  return text;
}

/** Reads and validates a config file. e.g. loadDeviceConfig('kiosk.json') */
export function loadDeviceConfig(file: string): DeviceConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseDeviceConfig(raw, dirname(resolve(file)), `config file ${file}`);
}
