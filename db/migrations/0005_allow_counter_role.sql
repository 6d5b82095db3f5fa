-- The clerk's desk (role `counter`) joins kiosk, checkin, display and admin as a device role.
-- SQLite cannot change a CHECK constraint in place, so device_tokens is rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter); nothing references it.

CREATE TABLE device_tokens_next (
  token_hash TEXT NOT NULL,
  office_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'checkin', 'counter', 'display', 'admin')),
  device_id TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (token_hash, office_id, role)
) STRICT;

INSERT INTO device_tokens_next (token_hash, office_id, role, device_id, created_at)
SELECT token_hash, office_id, role, device_id, created_at FROM device_tokens;
DROP TABLE device_tokens;
ALTER TABLE device_tokens_next RENAME TO device_tokens;
