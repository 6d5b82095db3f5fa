-- Every device token is bound to one device (office, role, device) and can be revoked.
-- Tokens without a device were registered by `--token` of earlier versions for every role of every
-- office, admin included, and could never be removed: they are dropped here. `--token` now lives
-- only in the server's memory. The `counter` role joins the others.
CREATE TABLE device_tokens_bound (
  token_hash TEXT NOT NULL,
  office_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'checkin', 'counter', 'display', 'admin')),
  device_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- Kept rather than deleted so `token list` can show when a device lost its access.
  revoked_at INTEGER,
  PRIMARY KEY (token_hash, office_id, role)
) STRICT;

INSERT INTO device_tokens_bound (token_hash, office_id, role, device_id, created_at)
  SELECT token_hash, office_id, role, device_id, created_at FROM device_tokens
  WHERE device_id IS NOT NULL;

DROP TABLE device_tokens;
ALTER TABLE device_tokens_bound RENAME TO device_tokens;

CREATE INDEX device_tokens_by_device ON device_tokens (office_id, device_id);
