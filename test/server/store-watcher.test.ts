import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchStore } from '../../src/server/store-watcher.ts';
import { openDatabase } from '../../src/store/database.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';

const tempDir = useTempDir();

describe('the store watcher', () => {
  it('reports commits of another connection, never its own', async () => {
    const file = join(tempDir(), 'server.db');
    const server = openDatabase(file);
    const other = openDatabase(file);
    let seen = 0;
    const stop = watchStore({ db: server, onExternalCommit: () => seen++, intervalMs: 10 });
    try {
      server.prepare("INSERT INTO offices (id, catalogue, updated_at) VALUES ('a', '{}', 0)").run();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toBe(0);
      other.prepare("INSERT INTO offices (id, catalogue, updated_at) VALUES ('b', '{}', 0)").run();
      await until(() => seen === 1, 2_000);
      other.prepare("UPDATE offices SET updated_at = 1 WHERE id = 'b'").run();
      await until(() => seen === 2, 2_000);
    } finally {
      stop();
      server.close();
      other.close();
    }
  });
});
