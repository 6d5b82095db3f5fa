/**
 * docs/api.md is the HTTP API as city IT reads it: generated from the route table, and checked
 * here so that no route goes undocumented and no documented route is gone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderApiDoc, routeHeadings } from '../../src/wire/api-doc.ts';

const file = fileURLToPath(new URL('../../docs/api.md', import.meta.url));
const written = readFileSync(file, 'utf8');

describe('docs/api.md', () => {
  it('documents every route of the route table, and no route the table lacks', () => {
    const documented = [...written.matchAll(/^### `(GET|POST|PUT) (\S+)`$/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(documented.sort()).toEqual(routeHeadings().sort());
  });

  it('is what `npm run docs:api` writes from the route table today', async () => {
    const options = (await prettier.resolveConfig(file)) ?? {};
    const fresh = await prettier.format(renderApiDoc(), { ...options, filepath: file });
    expect(written).toBe(fresh);
  });
});
