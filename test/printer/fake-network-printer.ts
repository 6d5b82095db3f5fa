/**
 * An Epson-like printer on 127.0.0.1 and an ephemeral port for tests: it keeps every byte it
 * receives, answers DLE EOT and GS r as configured, and can drop the connection mid-ticket.
 */
import { type Server, type Socket, createServer } from 'node:net';
import { type EscPosCommand, readCommand } from '../../src/printer/escpos-reader.ts';

export interface FakePrinterOptions {
  /** Answers to DLE EOT 1, 2, 4; null for a printer that never answers (write-only). */
  realTime?: { printer: number; offlineCause: number; rollPaper: number } | null;
  /** Answer GS r 1 (the end-of-ticket acknowledgement); false for a printer stuck mid-ticket. */
  acknowledge?: boolean;
  /** Destroy the connection once this many bytes have arrived on it. */
  dropAfterBytes?: number;
  /** Called with every command as it arrives (the draw-latency benchmark times `initialize`). */
  onCommand?: (command: EscPosCommand) => void;
}

export const READY = { printer: 0x12, offlineCause: 0x12, rollPaper: 0x12 };

export interface FakePrinter {
  url: string;
  /** Everything received, over all connections, in order. */
  received(): Uint8Array;
  close(): Promise<void>;
}

/** Starts a fake printer. e.g. const printer = await startFakePrinter(); … await printer.close() */
export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    serve(socket, options, chunks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `tcp://127.0.0.1:${port}`,
    received: () => new Uint8Array(Buffer.concat(chunks)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(socket: Socket, options: FakePrinterOptions, chunks: Buffer[]): void {
  const realTime = options.realTime === undefined ? READY : options.realTime;
  let buffer = Buffer.alloc(0);
  let offset = 0;
  socket.on('data', (chunk: Buffer) => {
    const room = (options.dropAfterBytes ?? Infinity) - buffer.length;
    const kept = chunk.subarray(0, Math.max(0, room));
    chunks.push(kept);
    buffer = Buffer.concat([buffer, kept]);
    if (buffer.length >= (options.dropAfterBytes ?? Infinity)) return void socket.destroy();
    for (let step = readCommand(buffer, offset); step; step = readCommand(buffer, offset)) {
      offset = step.next;
      const { command } = step;
      options.onCommand?.(command);
      if (command.op === 'real-time-status' && realTime) {
        const answers: Record<number, number> = {
          1: realTime.printer,
          2: realTime.offlineCause,
          4: realTime.rollPaper,
        };
        socket.write(Buffer.from([answers[command.n] ?? 0x12]));
      }
      if (command.op === 'paper-status' && options.acknowledge !== false)
        socket.write(Buffer.from([0x00]));
    }
  });
}

/** A port on 127.0.0.1 where nothing listens: bound, then closed again. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
