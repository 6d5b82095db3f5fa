/**
 * What a route is, declared once for both ends: the server mounts a handler on it and validates
 * the request with it; the device's client builds the request from it and parses the answer
 * with it; the API reference for city IT is checked against it.
 */
import type { z } from 'zod';
import type { ErrorCode } from './errors.ts';
import type { Role } from './roles.ts';

export type Method = 'GET' | 'POST' | 'PUT';

export interface RouteSpec {
  method: Method;
  /** The full path with `:name` parameters, e.g. '/api/v1/offices/:office/walk-ins'. */
  path: string;
  /** Roles that may call it; null for a route that needs no token (health). */
  roles: readonly Role[] | null;
  /** One line for the API reference. */
  summary: string;
  /** The JSON body's schema. A POST without one still has any body read and size-checked. */
  body?: z.ZodType;
  /** The body may be left out; it then reads as `{}`. */
  bodyOptional?: boolean;
  /** Query parameters (strings in, typed values out). */
  query?: z.ZodType;
  /** The error code of a bad query parameter, by name; `invalid-request` for the others. */
  queryErrors?: Readonly<Record<string, ErrorCode>>;
  /** Takes an `Idempotency-Key` header: a retry with the key gets the first answer back. */
  idempotent?: boolean;
  /** Answers with a `text/event-stream` instead of JSON. */
  stream?: boolean;
  /** The answer's schema per status; a 2xx is the success answer, the rest error shapes. */
  answers: Readonly<Record<number, z.ZodType>>;
}

/** The success statuses of a route's answers. */
type SuccessStatus = 200 | 201 | 204;

/** What a successful call of the route yields, parsed. */
export type SuccessOf<R extends RouteSpec> = {
  [S in keyof R['answers'] & SuccessStatus]: z.output<R['answers'][S]>;
}[keyof R['answers'] & SuccessStatus];

/** The JSON a request sends, before the server reads it (times as ISO strings). */
export type BodyOf<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

/** The path parameters of a route other than `office`. e.g. '/…/appointments/:code/confirm' → 'code' */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? (Name extends 'office' ? never : Name) | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name extends 'office'
      ? never
      : Name
    : never;

/**
 * The path with its parameters filled in, each URL-encoded.
 * e.g. ('/api/v1/offices/:office/appointments/:code/confirm', { office: 'demo', code: 'K7M4QP20' })
 * → '/api/v1/offices/demo/appointments/K7M4QP20/confirm'
 */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter :${name} of ${path}`);
    return encodeURIComponent(value);
  });
}

/** A success status of a route. e.g. walk-ins → 201 */
export function successStatus(route: RouteSpec): number {
  const status = Object.keys(route.answers)
    .map(Number)
    .find((s) => s >= 200 && s < 300);
  if (status === undefined)
    throw new Error(`route ${route.method} ${route.path} has no 2xx answer`);
  return status;
}

/**
 * True when a stored value is a body this route accepts (an outbox entry written earlier, say).
 * e.g. (routes.leases, { deviceId: 'kiosk-1' }) → true
 */
export function isBodyOf<R extends RouteSpec>(route: R, value: unknown): value is BodyOf<R> {
  return route.body !== undefined && route.body.safeParse(value).success;
}
