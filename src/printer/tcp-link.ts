/**
 * One TCP connection to a printer with the two things a print job needs: writes that report
 * failure, and reads of single status bytes with a deadline.
 */
import { Socket } from 'node:net';
import { errorCode } from './transport.ts';

export type LinkEnd = { kind: 'closed' } | { kind: 'error'; code: string; message: string };

export class TcpLink {
  private readonly socket = new Socket();
  private received: number[] = [];
  private wake: (() => void) | null = null;
  /** Set once the connection has ended, by either side. */
  ended: LinkEnd | null = null;

  private constructor() {
    this.socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.wake?.();
    });
    this.socket.on('error', (error) => {
      this.ended ??= { kind: 'error', code: errorCode(error) ?? 'EIO', message: error.message };
      this.wake?.();
    });
    this.socket.on('close', () => {
      this.ended ??= { kind: 'closed' };
      this.wake?.();
    });
  }

  /** A connected link, or the reason there is none ('ETIMEDOUT' when nobody answered in time). */
  static async open(host: string, port: number, timeoutMs: number): Promise<TcpLink | LinkEnd> {
    const link = new TcpLink();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        link.close();
        resolve({ kind: 'error', code: 'ETIMEDOUT', message: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      link.socket.once('connect', () => {
        clearTimeout(timer);
        resolve(link);
      });
      link.socket.once('error', () => {
        clearTimeout(timer);
        resolve(link.ended ?? { kind: 'closed' });
      });
      link.socket.connect(port, host);
    });
  }

  /** Resolves when the bytes are handed to the operating system; rejects when the link fails. */
  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ended) return reject(new Error(describeEnd(this.ended)));
      this.socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * Up to `count` received bytes that pass `accept`, waiting at most `timeoutMs`; fewer when the
   * deadline passes or the link ends. Bytes that fail `accept` are dropped.
   */
  async readBytes(
    count: number,
    timeoutMs: number,
    accept: (b: number) => boolean,
  ): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    const out: number[] = [];
    while (out.length < count) {
      while (this.received.length > 0 && out.length < count) {
        const byte = this.received.shift() as number;
        if (accept(byte)) out.push(byte);
      }
      const left = deadline - Date.now();
      if (out.length === count || this.ended || left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return out;
  }

  /** Ends politely and waits (briefly) until the peer has the last byte. */
  async finish(timeoutMs: number): Promise<LinkEnd> {
    if (!this.ended) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        this.socket.end();
      });
    }
    this.close();
    return this.ended ?? { kind: 'closed' };
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A link's end for a message. e.g. { error ECONNRESET } → 'ECONNRESET: read ECONNRESET' */
export function describeEnd(end: LinkEnd): string {
  return end.kind === 'closed'
    ? 'the printer closed the connection'
    : `${end.code}: ${end.message}`;
}
