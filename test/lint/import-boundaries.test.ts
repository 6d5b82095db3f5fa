/**
 * The import boundaries of src/ are lint rules (eslint.config.js); these tests run ESLint's own
 * Node API on fixture code placed as if it lived in a folder, so a rule that stops biting fails
 * here rather than silently.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary messages ESLint reports for `code` as the file `filePath` (relative to the repo). */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const importOf = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('the import boundaries of src/', () => {
  it('cover every top-level folder of src/, so a new folder states what it may import', async () => {
    const folders = readdirSync(`${root}src`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const unguarded: string[] = [];
    for (const folder of folders) {
      const config = (await eslint.calculateConfigForFile(`${root}src/${folder}/probe.ts`)) as {
        rules?: Record<string, unknown>;
      };
      const rule = JSON.stringify(config.rules?.['no-restricted-imports'] ?? null);
      if (!rule.includes(`src/${folder} `)) unguarded.push(folder);
    }
    expect(unguarded).toEqual([]);
  });

  it('fail a deliberate import from src/sync into src/server', async () => {
    const fixture = readFileSync(`${root}test/fixtures/lint/sync-imports-server.ts.txt`, 'utf8');
    const errors = await boundaryErrors(fixture, 'src/sync/lint-fixture.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'../server/booking-service.ts' import is restricted");
    expect(errors[0]).toContain(
      'src/sync is the device side of sync: it may import only core, wire, store, platform, ports',
    );
  });

  it('let src/sync import the wire protocol, and src/server too', async () => {
    expect(await boundaryErrors(importOf('../wire/routes.ts'), 'src/sync/a.ts')).toEqual([]);
    expect(
      await boundaryErrors(importOf('../../wire/routes.ts'), 'src/server/handlers/a.ts'),
    ).toEqual([]);
  });

  it.each([
    ['src/server/handlers/a.ts', '../../sync/api-client.ts'],
    ['src/host/a.ts', '../sync/device-schedule.ts'],
    ['src/sync/a.ts', '../host/contract.ts'],
    ['src/core/a.ts', '../store/database.ts'],
    ['src/wire/a.ts', '../server/errors.ts'],
    ['src/store/a.ts', '../wire/routes.ts'],
    ['src/renderer/kiosk/a.ts', '../../host/dispatch.ts'],
  ])('refuse %s importing %s', async (file, from) => {
    expect(await boundaryErrors(importOf(from), file)).toHaveLength(1);
  });

  it('let the renderer see the host contract, and the composition root reach everything', async () => {
    expect(
      await boundaryErrors(importOf('../../host/contract.ts'), 'src/renderer/kiosk/a.ts'),
    ).toEqual([]);
    expect(await boundaryErrors(importOf('../sync/device-schedule.ts'), 'src/app/a.ts')).toEqual(
      [],
    );
  });

  it('keep Node and SQLite out of the core and the wire protocol', async () => {
    expect(await boundaryErrors(importOf('node:crypto'), 'src/core/a.ts')).toHaveLength(1);
    expect(await boundaryErrors(importOf('better-sqlite3'), 'src/wire/a.ts')).toHaveLength(1);
  });
});
