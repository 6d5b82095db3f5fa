/**
 * Checks a request's body and query against its route's schemas. A type error is a 400 whose
 * message names the field (`services[1]: expected string, received number`).
 */
import type { z } from 'zod';
import type { ErrorCode } from '../wire/errors.ts';
import { ApiError } from './errors.ts';

/** Parses a body or throws a 400 naming the first bad field. e.g. { services: [1] } → services[0]: … */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid-request', 'body: expected a JSON object.');
  }
  return parseValue(schema, value, 'body');
}

/** Parses one value (a path parameter, say) or throws a 400 naming it. e.g. (uuid, 'x', 'id') → id: expected a UUID */
export function parseValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  codes: Readonly<Record<string, ErrorCode>> = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue ? formatPath(issue.path) : '') || where;
  const message = issue?.message.replace(/^Invalid input: /, '') ?? 'invalid';
  throw new ApiError(400, codes[field] ?? 'invalid-request', `${field}: ${message}`, { field });
}

/**
 * The query parameters as the route's schema reads them; a repeated name counts once (the first).
 * e.g. ?since=5&limit=x with limit → 'invalid-limit' → 400 invalid-limit "limit: expected …"
 */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
  codes: Readonly<Record<string, ErrorCode>> = {},
): z.output<S> {
  const values: Record<string, string> = {};
  for (const name of params.keys()) values[name] ??= params.get(name) ?? '';
  return parseValue(schema, values, 'query', codes);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}
