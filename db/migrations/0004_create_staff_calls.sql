-- "Call staff" from a lobby kiosk (docs/domain.md, "The citizen's screen"): stored on the server, carried to the check-in
-- window through the change feed (kind 'staff-call'), and kept in each device's replica. A kiosk
-- without the server queues the call in its outbox, so both CHECK lists grow here.

CREATE TABLE staff_calls (
  -- Chosen by the calling device (a UUID), so an offline call keeps its id once uploaded.
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  device_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('help', 'accessibility')),
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  called_at INTEGER NOT NULL,
  done_at INTEGER,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
) STRICT;

CREATE INDEX staff_calls_open ON staff_calls (office_id, called_at) WHERE status = 'open';

-- SQLite cannot change a CHECK constraint in place: rebuild the two tables with the new kinds
-- (https://www.sqlite.org/lang_altertable.html#otheralter). Nothing references either table.
CREATE TABLE changes_next (
  seq INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  kind TEXT NOT NULL CHECK (kind IN ('catalogue', 'slot', 'appointment', 'staff-call')),
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  changed_at INTEGER NOT NULL
) STRICT;

INSERT INTO changes_next (seq, office_id, kind, entity_id, payload, changed_at)
SELECT seq, office_id, kind, entity_id, payload, changed_at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_next RENAME TO changes;
CREATE INDEX changes_by_office ON changes (office_id, seq);

CREATE TABLE device_outbox_next (
  seq INTEGER PRIMARY KEY,
  mutation_id TEXT NOT NULL UNIQUE,
  office_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (
    kind IN ('offline-ticket', 'confirm', 'release', 'check-in', 'staff-call', 'staff-call-done')
  ),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  done_at INTEGER,
  result TEXT
) STRICT;

INSERT INTO device_outbox_next
  (seq, mutation_id, office_id, kind, payload, created_at, attempts, last_error, done_at, result)
SELECT seq, mutation_id, office_id, kind, payload, created_at, attempts, last_error, done_at, result
FROM device_outbox;
DROP TABLE device_outbox;
ALTER TABLE device_outbox_next RENAME TO device_outbox;
CREATE INDEX device_outbox_pending ON device_outbox (seq) WHERE done_at IS NULL;
