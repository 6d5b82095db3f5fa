/** Database files are the service account's alone, and deleted rows do not linger in them. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { useTempDir } from '../support/temp-dir.ts';

const tempDir = useTempDir('terminmarke-files-');

describe('a database file', () => {
  it('is readable by its owner only, its WAL too, also when it existed with a wider mode', () => {
    const file = join(tempDir(), 'replica.db');
    writeFileSync(file, '', { mode: 0o644 });
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO device_sync_state (office_id, cursor, synced_at) VALUES ('x', '0', 1)",
    ).run();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('zeroes a deleted secret instead of leaving it in a free page', () => {
    const file = join(tempDir(), 'server.db');
    const secret = 'f00dfeedcafebabe'.repeat(4);
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO device_sync_state (office_id, cursor, synced_at) VALUES (?, '0', 1)",
    ).run(secret);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare('DELETE FROM device_sync_state').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(file).includes(secret)).toBe(false);
  });
});
