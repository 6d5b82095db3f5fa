-- A device's side of the sync protocol (docs/domain.md, "Sync and offline"): the feed cursor, the outbox of local
-- mutations, its leases and call-number blocks, and the answers to its draw requests.

CREATE TABLE device_sync_state (
  office_id TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  synced_at INTEGER NOT NULL
) STRICT;

-- Written in the same transaction as the local change it describes; mutation_id is the
-- Idempotency-Key of the upload, so a retried upload is applied once.
CREATE TABLE device_outbox (
  seq INTEGER PRIMARY KEY,
  mutation_id TEXT NOT NULL UNIQUE,
  office_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offline-ticket', 'confirm', 'release', 'check-in')),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  done_at INTEGER,
  result TEXT
) STRICT;

CREATE INDEX device_outbox_pending ON device_outbox (seq) WHERE done_at IS NULL;

CREATE TABLE device_leases (
  slot_id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  lease_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE device_call_blocks (
  office_id TEXT NOT NULL,
  local_date TEXT NOT NULL,
  first INTEGER NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (office_id, local_date, first)
) STRICT;

-- The ticket a draw request got, so that a retried request returns the same ticket.
CREATE TABLE device_holds (
  request_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  offline INTEGER NOT NULL CHECK (offline IN (0, 1)),
  payload TEXT NOT NULL,
  held_until INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
