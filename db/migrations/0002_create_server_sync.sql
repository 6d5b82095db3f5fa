-- The central server's sync state (docs/domain.md, "Sync and offline"; docs/api.md): device tokens, idempotency keys, the change
-- feed, slot leases and call-number blocks for offline kiosks. Device replicas carry these tables
-- too (one migration sequence) and simply leave them empty.

-- Tokens are stored as SHA-256 hashes: a copied database file does not hand out device access.
CREATE TABLE device_tokens (
  token_hash TEXT NOT NULL,
  office_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'checkin', 'display', 'admin')),
  device_id TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (token_hash, office_id, role)
) STRICT;

-- The first answer to a request with an Idempotency-Key; a retry gets exactly this back.
CREATE TABLE idempotency_keys (
  office_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  -- Hash of the request body: the same key with another body is refused, not silently answered.
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body)),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, scope, key)
) STRICT;

-- The change feed: one row per changed entity with its state after the change. seq is the rowid,
-- assigned inside the single writer's transaction, so committed rows are in commit order.
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  kind TEXT NOT NULL CHECK (kind IN ('catalogue', 'slot', 'appointment')),
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  changed_at INTEGER NOT NULL
) STRICT;

CREATE INDEX changes_by_office ON changes (office_id, seq);

-- Slots a kiosk may issue from while the server is unreachable (status 'leased' in slots).
CREATE TABLE slot_leases (
  slot_id TEXT PRIMARY KEY REFERENCES slots (id),
  office_id TEXT NOT NULL REFERENCES offices (id),
  device_id TEXT NOT NULL,
  -- Consecutive slots leased together form one run that fits the longest walk-in concern.
  lease_id TEXT NOT NULL,
  leased_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX slot_leases_by_device ON slot_leases (office_id, device_id);
CREATE INDEX slot_leases_by_expiry ON slot_leases (expires_at);

-- Call-number sequences [first, first + size) a kiosk numbers its offline tickets from.
CREATE TABLE call_number_blocks (
  office_id TEXT NOT NULL REFERENCES offices (id),
  local_date TEXT NOT NULL,
  first INTEGER NOT NULL CHECK (first > 0),
  size INTEGER NOT NULL CHECK (size > 0),
  device_id TEXT NOT NULL,
  leased_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, local_date, first)
) STRICT;

-- Every booking first releases the expired holds; this keeps that a short index scan.
CREATE INDEX appointments_held_until ON appointments (held_until) WHERE status = 'held';
