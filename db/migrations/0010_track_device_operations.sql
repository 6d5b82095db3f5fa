-- Operations: what each device last reported about itself, and walk-in pauses.

-- The newest heartbeat per device (older ones are of no use to anybody: the overview and the
-- metrics show the current state and how long ago it was reported).
CREATE TABLE device_heartbeats (
  office_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'checkin', 'counter', 'display')),
  version TEXT NOT NULL,
  connection TEXT NOT NULL CHECK (connection IN ('online', 'degraded')),
  printer_state TEXT CHECK (printer_state IN ('ok', 'paper-low', 'paper-out', 'offline', 'unknown')),
  pending_uploads INTEGER NOT NULL CHECK (pending_uploads >= 0),
  clock_skew_ms INTEGER,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, device_id)
) STRICT;

-- Walk-in issuance switched off, for a whole office (device_id '') or one kiosk: now (until
-- until_at, or until switched on again when it is NULL) and/or by daily windows in office time.
-- The server refuses walk-ins while a rule applies; devices get the rules through the change
-- feed and keep them in this same table, so a kiosk that goes offline stays paused.
CREATE TABLE walk_in_pauses (
  office_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
  until_at INTEGER,
  reason TEXT,
  -- JSON array of {"from":"HH:MM","to":"HH:MM"}.
  windows TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, device_id)
) STRICT;

-- The change feed carries the pause rules (kind 'walk-in-pause', one entry per office). A CHECK
-- cannot be altered in SQLite: the table is rebuilt with its rows and indexes.
CREATE TABLE changes_next (
  seq INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  kind TEXT NOT NULL CHECK (
    kind IN ('catalogue', 'slot', 'appointment', 'staff-call', 'walk-in-pause')
  ),
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  changed_at INTEGER NOT NULL
) STRICT;

INSERT INTO changes_next (seq, office_id, kind, entity_id, payload, changed_at)
SELECT seq, office_id, kind, entity_id, payload, changed_at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_next RENAME TO changes;
CREATE INDEX changes_by_office ON changes (office_id, seq);
CREATE INDEX changes_by_subject ON changes (office_id, kind, entity_id, seq);
