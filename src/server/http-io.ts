/**
 * Reading request bodies and writing JSON answers on plain `node:http`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from '../wire/constants.ts';
import { ApiError, errorBody } from './errors.ts';

/** A finished answer: status, JSON body and optional extra headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Reads the whole body as JSON, refusing more than `limit` bytes (413) and bad JSON (400).
 * An empty body reads as `undefined`. e.g. '{"services":[]}' → { services: [] }
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    // The client went away or was cut off by requestTimeout (a slow body): nobody reads the answer,
    // and it is not a server fault to log as one.
    if (req.destroyed && !(error instanceof ApiError))
      throw new ApiError(408, 'request-timeout', 'The request body did not arrive in time.');
    throw error;
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new ApiError(400, 'invalid-json', `The request body is not valid JSON: ${detail}`);
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload-too-large', `The request body is larger than ${limit} bytes.`);
}

/** Writes a JSON answer. e.g. sendJson(res, { status: 200, body: { status: 'ok' } }) */
export function sendJson(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(text);
}

/** Writes an ApiError (or a 500 for anything else) in the error shape; the router logs the 500's cause. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof ApiError) {
    // A body we refused to read may still be arriving; closing is cheaper than draining it.
    const headers: Record<string, string> = error.status === 413 ? { connection: 'close' } : {};
    if (error.status === 405 && typeof error.details.allow === 'string') {
      headers.allow = error.details.allow;
    }
    // 429 and 503 say when to come back, in the header clients and proxies read (RFC 9110 §10.2.3).
    if (typeof error.details.retryAfterSeconds === 'number') {
      headers['retry-after'] = String(error.details.retryAfterSeconds);
    }
    const { allow: _allow, ...details } = error.details;
    sendJson(res, {
      status: error.status,
      body: errorBody(error.code, error.message, details),
      headers,
    });
    return;
  }
  sendJson(res, {
    status: 500,
    body: errorBody('internal-error', 'The server could not complete the request.'),
  });
}
