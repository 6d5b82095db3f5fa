/**
 * The HTTP API reference for city IT (docs/api.md), written from the route table and the error
 * table so that it cannot drift from what the server mounts and the devices call.
 * `npm run docs:api` rewrites the file; a test fails when it is out of date.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import type { RouteSpec } from './route-spec.ts';
import { routes } from './routes.ts';

const INTRO = `# Terminmarke central server — HTTP API (v1)

Generated from the route table in \`src/wire/routes.ts\` by \`npm run docs:api\`; a test fails when
this file and the table disagree. Field shapes are written TypeScript-like: \`?\` marks an optional
field, \`…\` a nested object described elsewhere.

- JSON over HTTP. Every call but \`health\` needs \`Authorization: Bearer <device token>\` (the
  event stream also accepts \`?token=\`, as a browser's EventSource cannot set headers). A token
  belongs to one office and carries one or more roles: \`kiosk\`, \`checkin\`, \`counter\`,
  \`display\`, \`admin\`.
- Every error has one shape, \`{"error":{"code":"<kebab-case>","message":"…", …}}\`, with the
  status from the table at the end; extra fields sit beside \`code\` (e.g. \`opensAt\`).
- Checks run in this order: path (404), office (404), method (405), token (401), role (403),
  \`Idempotency-Key\` (400), body size (413) and JSON (400), fields (400 naming the field), then the
  domain rules (404/409/422).
- Routes marked *idempotent* take an \`Idempotency-Key\` header (1–200 visible ASCII characters):
  a retry with the same key and body gets the first answer back (header
  \`idempotent-replayed: true\`) and changes nothing; the same key with another body is 422
  \`idempotency-key-reused\`.
- Times are ISO 8601 with the office's offset (\`2026-11-24T09:40:00+01:00\`); days are
  \`YYYY-MM-DD\` in the office's zone. Request bodies are at most 64 KiB.
`;

/** The whole reference as Markdown. e.g. renderApiDoc() → '# Terminmarke central server …' */
export function renderApiDoc(): string {
  const sections = Object.entries(routes).map(([name, route]) => renderRoute(name, route));
  return [INTRO, '## Routes\n', ...sections, renderErrors()].join('\n');
}

/** `METHOD path` of every route, as the reference lists them. e.g. 'POST /api/v1/offices/:office/walk-ins' */
export function routeHeadings(): string[] {
  return Object.values(routes).map((route: RouteSpec) => `${route.method} ${route.path}`);
}

function renderRoute(name: string, route: RouteSpec): string {
  const lines = [`### \`${route.method} ${route.path}\``, '', route.summary, ''];
  const who = route.roles === null ? 'no token' : route.roles.map((r) => `\`${r}\``).join(', ');
  lines.push(`- name in the route table: \`${name}\``);
  lines.push(`- roles: ${who}${route.idempotent ? '; *idempotent*' : ''}`);
  if (route.query) lines.push(`- query: \`${shapeOf(route.query, 'input')}\``);
  if (route.body) lines.push(`- body: \`${shapeOf(route.body, 'input')}\``);
  for (const [status, schema] of Object.entries(route.answers)) {
    const shape = route.stream ? 'text/event-stream' : shapeOf(schema, 'output');
    lines.push(`- ${status}: \`${shape}\``);
  }
  return `${lines.join('\n')}\n`;
}

function renderErrors(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, { status, meaning }]) =>
      `| \`${code}\` | ${status} | ${meaning.replace(/\|/g, '\\|')} |`,
  );
  return [
    '## Error codes\n',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

/** A one-line sketch of a schema. e.g. walkInBody → '{ services: string[], deviceId: string, hold?: boolean }' */
function shapeOf(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return sketch(json, 0);
}

const MAX_DEPTH = 3;

function sketch(s: JsonSchema, depth: number): string {
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return [...new Set(variants.map((v) => sketch(v, depth)))].join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const parts = types.map((type) => {
    if (type === 'array') return `${s.items ? wrap(sketch(s.items, depth)) : 'unknown'}[]`;
    if (type === 'object') return sketchObject(s, depth);
    if (type === 'integer') return 'number';
    return type;
  });
  return parts.length ? parts.join(' | ') : 'unknown';
}

function sketchObject(s: JsonSchema, depth: number): string {
  const entries = Object.entries(s.properties ?? {});
  if (entries.length === 0) {
    return typeof s.additionalProperties === 'object'
      ? `{ [key]: ${sketch(s.additionalProperties, depth + 1)} }`
      : '{}';
  }
  if (depth >= MAX_DEPTH) return '{…}';
  const required = new Set(s.required ?? []);
  const fields = entries.map(
    ([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${sketch(value, depth + 1)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

function wrap(text: string): string {
  return text.includes(' | ') ? `(${text})` : text;
}
