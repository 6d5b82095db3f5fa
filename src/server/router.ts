/**
 * Dispatches a request to its route: unknown path 404 `not-found`, unknown office 404
 * `office-not-found`, wrong method 405 `method-not-allowed`, then the token (401/403), then the
 * Idempotency-Key, body and query as the route's spec declares them, then the handler. Every
 * failure leaves in the one error shape.
 *
 * One log line per request once its answer is sent: the route's pattern (never the path, which
 * carries ticket codes), status, time, and who asked (roles, device, token id — never the token).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Principal, requireRole } from './auth.ts';
import type { Route, ServerServices } from './context.ts';
import { ApiError, notFound } from './errors.ts';
import { readJsonBody, sendError, sendJson } from './http-io.ts';
import { readIdempotencyKey } from './idempotency.ts';
import { parseBody, parseQuery } from './request-parse.ts';

/** What dispatch learned about a request, for its log line. */
interface Seen {
  route: Route | null;
  officeId: string | null;
  principal: Principal | null;
}

interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Builds the request listener for a route table. */
export function createRouter(routes: readonly Route[], services: ServerServices) {
  const patterns = routes.map((route) => ({ route, pattern: splitPattern(route.spec.path) }));
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const seen: Seen = { route: null, officeId: null, principal: null };
    res.once('close', () => logRequest(services, req, res, seen, started));
    dispatch(patterns, services, req, res, seen).catch((error: unknown) => {
      if (!(error instanceof ApiError)) {
        services.log.error('request failed', {
          method: req.method,
          route: seen.route?.spec.path ?? null,
          err: error,
        });
      }
      sendError(res, error);
    });
  };
}

function logRequest(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  seen: Seen,
  started: number,
): void {
  const { principal } = seen;
  const fields = {
    method: req.method,
    route: seen.route?.spec.path ?? null,
    status: res.statusCode,
    ms: Math.round((performance.now() - started) * 10) / 10,
    office: seen.officeId,
    roles: principal ? [...principal.roles] : null,
    device: principal?.deviceId ?? null,
    tokenId: principal?.tokenId ?? null,
    // The client went away before the whole answer was sent (or an event stream ended).
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  if (res.statusCode >= 500) services.log.error('request', fields);
  else services.log.info('request', fields);
}

type Patterns = readonly { route: Route; pattern: readonly string[] }[];

async function dispatch(
  patterns: Patterns,
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  seen: Seen,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const segments = splitPath(url.pathname);
  const matches = segments ? findMatches(patterns, segments) : [];
  if (matches.length === 0) throw notFound('not-found', `No such path: ${url.pathname}`);
  const officeId = matches[0]?.params.office;
  const office = officeId === undefined ? null : services.offices.find(officeId);
  if (officeId !== undefined && !office) {
    throw notFound('office-not-found', `No office "${officeId}" on this server.`);
  }
  const match = matches.find((m) => m.route.spec.method === req.method);
  if (!match) {
    const allow = [...new Set(matches.map((m) => m.route.spec.method))].join(', ');
    throw new ApiError(405, 'method-not-allowed', `Use ${allow} here.`, { allow });
  }
  const { route, params } = match;
  seen.route = route;
  seen.officeId = office?.id ?? null;
  let reply;
  if (route.scope === 'global') {
    reply = await route.handle({ req, res, url, services });
  } else {
    const { spec } = route;
    if (!office || spec.roles === null)
      throw notFound('not-found', `No such path: ${url.pathname}`);
    const principal = services.tokens.authenticate(req, office.id, url.searchParams.get('token'));
    seen.principal = principal;
    requireRole(principal, spec.roles);
    limitWrites(services, req, principal);
    const idempotencyKey = spec.idempotent ? readIdempotencyKey(req) : null;
    // Every POST and PUT has its body read: one sent to a call that takes none must still be small
    // and JSON.
    const rawBody = spec.method === 'GET' ? undefined : await readJsonBody(req);
    const sent = rawBody === undefined && spec.bodyOptional ? {} : rawBody;
    const body = spec.body ? parseBody(spec.body, sent) : undefined;
    const query = spec.query
      ? parseQuery(spec.query, url.searchParams, spec.queryErrors)
      : undefined;
    reply = await route.handle({
      req,
      res,
      url,
      params,
      office,
      principal,
      services,
      body,
      rawBody,
      query,
      idempotencyKey,
    });
  }
  if (reply) sendJson(res, reply);
}

/** Per-token write rate (429 `rate-limited`); the demo token stands for a whole test run. */
function limitWrites(services: ServerServices, req: IncomingMessage, principal: Principal): void {
  if (req.method === 'GET' || principal.isDemo || !services.writeLimit) return;
  const decision = services.writeLimit.take(`${principal.officeId}\u0000${principal.tokenId}`);
  if (decision.allowed) return;
  throw new ApiError(429, 'rate-limited', 'Too many changes from this device; try again shortly.', {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}

function splitPath(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((part) => part !== '')
      .map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function splitPattern(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function findMatches(patterns: Patterns, segments: readonly string[]): Match[] {
  const matches: Match[] = [];
  for (const { route, pattern } of patterns) {
    const params = matchPattern(pattern, segments);
    if (params) matches.push({ route, params });
  }
  return matches;
}

function matchPattern(pattern: readonly string[], segments: readonly string[]) {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] as string;
    const segment = segments[i] as string;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}
