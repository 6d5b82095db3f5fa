/**
 * The device's HTTP client for the central server: bearer token, JSON, a timeout per call, and
 * two kinds of failure — no answer (NetworkError: go offline) or an answer in the error shape.
 */
import { fetchTrusting } from './trusted-fetch.ts';

export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** The server answered with an error status; `code` is from the error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ServerApiOptions {
  serverUrl: string;
  officeId: string;
  token: string;
  /** Replaceable for tests; the global fetch by default. */
  fetch?: typeof fetch;
  /** A CA certificate (PEM text) to trust for an https:// server, e.g. the city's own CA. */
  ca?: string;
}

export interface CallOptions {
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class ServerApi {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ServerApiOptions) {
    this.base = `${options.serverUrl.replace(/\/+$/, '')}/api/v1/offices/${encodeURIComponent(options.officeId)}`;
    this.doFetch = options.fetch ?? (options.ca ? fetchTrusting(options.ca) : fetch);
  }

  /** The fetch every call to this server goes through (the event stream's too). */
  get fetch(): typeof fetch {
    return this.doFetch;
  }

  /** The URL of an office path. e.g. '/events' → http://host/api/v1/offices/demo/events */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  get token(): string {
    return this.options.token;
  }

  /** Calls the server; resolves with the JSON body of a 2xx answer. e.g. await api.call('GET', '/capacity') */
  async call<T>(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await this.doFetch(this.url(path), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(`no answer from the server: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = parseBody(text);
    if (response.ok) return body as T;
    const problem = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new HttpError(
      response.status,
      typeof problem?.code === 'string' ? problem.code : `http-${response.status}`,
      typeof problem?.message === 'string' ? problem.message : response.statusText,
      (problem as Record<string, unknown> | undefined) ?? {},
    );
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** True for failures worth retrying later: no answer, or a server-side error. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error instanceof HttpError && (error.status >= 500 || error.status === 429))
  );
}
