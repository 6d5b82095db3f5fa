/**
 * The one narrow interface every printer connection implements: ask for status, send one job.
 * Implementations: transport.tcp.ts (`tcp://host:port`), transport.device.ts (a device path),
 * transport.virtual.ts (`virtual:DIR`, files instead of paper).
 */

/** Why a ticket did not come out of the printer; the citizen's screen words each one. */
export type PrintFailureReason =
  'offline' | 'paper-out' | 'cover-open' | 'timeout' | 'write-failed';

export type PrinterStatus =
  | { kind: 'ready'; paperNearEnd: boolean }
  | { kind: 'problem'; reason: PrintFailureReason; detail: string }
  /** Reachable, but the printer does not answer status requests (write-only connection). */
  | { kind: 'unknown'; detail: string };

export type SendResult =
  /** `acknowledged`: the printer confirmed it processed the whole job (GS r after the cut). */
  | { ok: true; acknowledged: boolean; paperNearEnd: boolean }
  | { ok: false; reason: PrintFailureReason; detail: string };

export interface PrinterTransport {
  /** The interface string, e.g. 'tcp://10.0.0.7:9100', for messages to staff. */
  readonly name: string;
  status(): Promise<PrinterStatus>;
  /** One complete job. Never rejects: every failure is a `SendResult`. */
  send(job: Uint8Array): Promise<SendResult>;
}

/** A failed `SendResult`. e.g. failure('offline', 'connection refused') */
export function failure(reason: PrintFailureReason, detail: string): SendResult & { ok: false } {
  return { ok: false, reason, detail };
}

/** Node's error code of an unknown thrown value. e.g. ECONNREFUSED error → 'ECONNREFUSED' */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** A thrown value as one line of text. e.g. new Error('x') → 'x' */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
