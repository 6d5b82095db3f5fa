/**
 * The device's HTTP client for the central server, typed from the route table: bearer token,
 * JSON, a timeout per call, and every answer parsed with the route's schema. Three kinds of
 * failure — no answer (NetworkError: go offline), an answer in the error shape (HttpError), or
 * an answer the route does not describe (MalformedAnswerError: a server or proxy that does not
 * speak this protocol; never cast into shape).
 */
import type { z } from 'zod';
import { type ErrorAnswer, errorAnswer } from '../wire/errors.ts';
import { fetchTrusting } from './trusted-fetch.ts';
import {
  type BodyOf,
  type ParamsOf,
  type RouteSpec,
  type SuccessOf,
  fillPath,
} from '../wire/route-spec.ts';

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
    /** The error object with its extra fields, e.g. `reason` of `no-capacity`. */
    readonly body: ErrorAnswer['error'] | Record<string, never>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A 2xx answer that is not what the route promises; `issue` names the first wrong field. */
export class MalformedAnswerError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly issue: string,
  ) {
    super(`${route} answered ${status} with a body this device cannot read: ${issue}`);
    this.name = 'MalformedAnswerError';
  }
}

export interface ServerApiOptions {
  serverUrl: string;
  officeId: string;
  token: string;
  /** A CA certificate (PEM text) to trust for an https:// server, e.g. the city's own CA. */
  ca?: string;
  /** Replaceable for tests; the global fetch by default. */
  fetch?: typeof fetch;
}

export type CallArgs<R extends RouteSpec> = {
  query?: Record<string, string | number>;
  idempotencyKey?: string;
  timeoutMs?: number;
} & (ParamsOf<R['path']> extends never
  ? { params?: undefined }
  : { params: Record<ParamsOf<R['path']>, string> }) &
  (R['body'] extends z.ZodType ? { body: BodyOf<R> } : { body?: undefined });

const DEFAULT_TIMEOUT_MS = 10_000;

export class ServerApi {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ServerApiOptions) {
    this.base = options.serverUrl.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? (options.ca ? fetchTrusting(options.ca) : fetch);
  }

  /** The fetch every call to this server goes through (the event stream's too). */
  get fetch(): typeof fetch {
    return this.doFetch;
  }

  /** The URL of a route in this office. e.g. routes.events → http://host/api/v1/offices/demo/events */
  url(route: RouteSpec, params: Record<string, string> = {}): string {
    return `${this.base}${fillPath(route.path, { ...params, office: this.options.officeId })}`;
  }

  get token(): string {
    return this.options.token;
  }

  /**
   * Calls a route; resolves with its parsed success answer.
   * e.g. await api.call(routes.walkIn, { body: { services: ['a'], deviceId: 'k1' } }) → { ticket }
   */
  async call<R extends RouteSpec>(route: R, args: CallArgs<R>): Promise<SuccessOf<R>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (args.body !== undefined) headers['content-type'] = 'application/json';
    if (args.idempotencyKey) headers['idempotency-key'] = args.idempotencyKey;
    const url = new URL(this.url(route, args.params ?? {}));
    for (const [name, value] of Object.entries(args.query ?? {})) {
      url.searchParams.set(name, String(value));
    }
    let response: Response;
    let text: string;
    try {
      response = await this.doFetch(url, {
        method: route.method,
        headers,
        body: args.body === undefined ? undefined : JSON.stringify(args.body),
        signal: AbortSignal.timeout(args.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(`no answer from the server: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = parseJson(text);
    if (response.ok) return readSuccess(route, response.status, body);
    const problem = errorAnswer.safeParse(body);
    if (!problem.success) {
      // Not our error shape (a proxy's page, say): the status is all there is to go on.
      throw new HttpError(response.status, `http-${response.status}`, response.statusText, {});
    }
    const { error } = problem.data;
    throw new HttpError(response.status, error.code, error.message, error);
  }
}

function readSuccess<R extends RouteSpec>(route: R, status: number, body: unknown): SuccessOf<R> {
  const name = `${route.method} ${route.path}`;
  const schema: z.ZodType | undefined = route.answers[status];
  if (!schema) throw new MalformedAnswerError(name, status, 'a status this route never answers');
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new MalformedAnswerError(name, status, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  // The schema is this route's own answer for this status: what it parsed is that answer.
  return parsed.data as SuccessOf<R>;
}

function parseJson(text: string): unknown {
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
