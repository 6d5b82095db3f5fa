/**
 * The office page's calls to the server's API: the session's token as a Bearer header (never in
 * the URL), each answer checked with its schema, every failure one `OfficeApiError` carrying the
 * server's code and message (or `network` / `malformed-answer` when there is none to carry).
 */
import type { z } from 'zod';
import { ErrorAnswer } from './answers.ts';
import type { OfficeSession } from './session.ts';

export class OfficeApiError extends Error {
  constructor(
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeApiError';
  }

  /** The token is missing, unknown, revoked or not an admin's: back to sign-in. */
  get isAuthFailure(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** e.g. officePath({ office: 'demo', … }, 'queue') → '/api/v1/offices/demo/queue' */
export function officePath(session: OfficeSession, path: string): string {
  return `/api/v1/offices/${encodeURIComponent(session.office)}/${path}`;
}

async function send(session: OfficeSession, path: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(officePath(session, path), {
      headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    // fetch refuses a header with a line break (a badly pasted token) with a TypeError too.
    throw new OfficeApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<OfficeApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the error shape (a proxy's page, say): the status is all there is to say.
  }
  const shaped = ErrorAnswer.safeParse(parsed);
  return shaped.success
    ? new OfficeApiError(response.status, shaped.data.error.code, shaped.data.error.message)
    : new OfficeApiError(response.status, `http-${response.status}`, `HTTP ${response.status}`);
}

/** GETs one office path and checks the answer. e.g. await getJson(s, 'queue', QueueAnswer) */
export async function getJson<S extends z.ZodType>(
  session: OfficeSession,
  path: string,
  schema: S,
): Promise<z.output<S>> {
  const response = await send(session, path);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new OfficeApiError(response.status, 'malformed-answer', String(error));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(answer)' : '(answer)';
    throw new OfficeApiError(
      response.status,
      'malformed-answer',
      `${where}: ${issue?.message ?? 'unexpected answer'}`,
    );
  }
  return parsed.data;
}

export interface DownloadedFile {
  blob: Blob;
  /** The name the server suggests (Content-Disposition), or the fallback. */
  name: string;
}

/** GETs a file answer (CSV, XLSX). e.g. await getFile(s, 'statistics?…&format=csv', 'x.csv') */
export async function getFile(
  session: OfficeSession,
  path: string,
  fallbackName: string,
): Promise<DownloadedFile> {
  const response = await send(session, path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"/\\]+)"/.exec(disposition)?.[1] ?? fallbackName;
  return { blob: await response.blob(), name };
}
