/**
 * Reads an office document (YAML, or JSON — which YAML 1.2 reads too) and checks it whole: every
 * problem comes back at once, each with its path and its line and column in the file, so an
 * office can fix a file in one go. The file is hostile until checked: its size is capped, alias
 * expansion is limited (a "billion laughs" file stops at the library's alias budget), and
 * duplicate keys, unknown tags and unknown fields are refused.
 */
import type { z } from 'zod';
import {
  type Document,
  LineCounter,
  type Node,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
} from 'yaml';
import { type DocumentPath, checkDocumentRules } from './document-rules.ts';
import { type OfficeDocument, officeDocumentSchema } from './document-schema.ts';

/** A configuration of 200 services in seven languages is about 150 KiB. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Aliases a file may expand; a hand-written configuration needs none or a few. */
export const MAX_ALIAS_COUNT = 50;

export interface DocumentProblem {
  /** e.g. 'services[2].durationMinutes'; '' for the file as a whole. */
  path: string;
  line: number;
  column: number;
  message: string;
}

export type ReadResult =
  { ok: true; document: OfficeDocument } | { ok: false; problems: DocumentProblem[] };

/** `services[2].durationMinutes (line 31, column 5): must be …` */
export function formatProblem(problem: DocumentProblem): string {
  const where = `line ${problem.line}, column ${problem.column}`;
  return problem.path
    ? `${problem.path} (${where}): ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** e.g. ['services', 2, 'durationMinutes'] → 'services[2].durationMinutes' */
export function formatPath(path: DocumentPath): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** Reads and checks a document. e.g. readOfficeDocument(fs.readFileSync('office.yaml', 'utf8')) */
export function readOfficeDocument(source: string): ReadResult {
  if (Buffer.byteLength(source, 'utf8') > MAX_DOCUMENT_BYTES) {
    return fail([
      {
        path: '',
        line: 1,
        column: 1,
        message: `the file is larger than ${MAX_DOCUMENT_BYTES / 1024} KiB; an office configuration is far smaller`,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
    schema: 'core',
  });
  const syntax = [...doc.errors, ...doc.warnings].map((error): DocumentProblem => {
    const at = lines.linePos(error.pos[0]);
    return { path: '', line: at.line, column: at.col, message: error.message.split('\n')[0] ?? '' };
  });
  if (syntax.length > 0) return fail(syntax);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail([{ path: '', line: 1, column: 1, message: `cannot be read: ${message}` }]);
  }
  const parsed = officeDocumentSchema.safeParse(raw);
  const found: Located[] = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => fromIssue(issue, raw))),
    ...checkDocumentRules(raw),
  ];
  const problems = found.map((p) => locate(doc, lines, p.path, p.message, p.key));
  if (problems.length > 0 || !parsed.success) return fail(problems);
  return { ok: true, document: parsed.data };
}

function fail(problems: DocumentProblem[]): ReadResult {
  const unique = new Map(problems.map((p) => [formatProblem(p), p]));
  const sorted = [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems: sorted };
}

interface Located {
  path: DocumentPath;
  message: string;
  /** For an unknown field: its name, located at the key itself. */
  key?: string;
}

function fromIssue(issue: z.core.$ZodIssue, raw: unknown): Located[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: 'is not a known field',
      key,
    }));
  }
  if (valueAt(raw, path) === undefined) return [{ path, message: 'is missing' }];
  return [{ path, message: issue.message }];
}

function valueAt(raw: unknown, path: DocumentPath): unknown {
  let value = raw;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Finds the node a path names (or its nearest ancestor, for a missing field) and its position. */
function locate(
  doc: Document,
  lines: LineCounter,
  path: DocumentPath,
  message: string,
  key?: string,
): DocumentProblem {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    let next: unknown;
    // Where a field that turns out missing would go: the key of the object that lacks it.
    let keyStart: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === String(segment));
      keyStart = rangeStart(pair?.key);
      next = key !== undefined && i === path.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const start = rangeStart(next);
    if (start === undefined) break;
    node = next;
    offset = isMap(next) && keyStart !== undefined ? keyStart : start;
  }
  const at = lines.linePos(offset);
  return { path: formatPath(path), line: at.line, column: at.col, message };
}

function scalarValue(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node
    ? (node as Node).range?.[0]
    : undefined;
}
