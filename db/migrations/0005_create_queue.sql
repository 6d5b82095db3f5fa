-- Calling at the counters (docs/queue.md): two new states (serving, parked), every instant of a
-- ticket's life after check-in, where it is, and the language it was drawn in; a log of calls for
-- the display; and the counter role for device tokens.
--
-- SQLite cannot change a CHECK constraint in place, so appointments is rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter). appointment_slots references it with
-- ON DELETE CASCADE and foreign keys stay on inside a migration's transaction: dropping
-- appointments first would delete every link. So the links are set aside, the child table is
-- dropped, the parent rebuilt, and the child rebuilt and refilled.

CREATE TEMP TABLE appointment_slots_saved AS SELECT * FROM appointment_slots;
DROP TABLE appointment_slots;

CREATE TABLE appointments_next (
  code TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  counter_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  local_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (
    status IN ('held', 'booked', 'checked-in', 'called', 'serving', 'parked', 'served',
      'no-show', 'cancelled')
  ),
  source TEXT NOT NULL CHECK (source IN ('walk-in', 'online')),
  service_ids TEXT NOT NULL CHECK (json_valid(service_ids)),
  call_number TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  held_until INTEGER,
  checked_in_at INTEGER,
  -- The language the citizen drew the ticket in: the display announces it in that one too.
  language TEXT NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl')),
  calls INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
  -- calls when the citizen last arrived: only later calls count towards no-show.
  calls_at_arrival INTEGER NOT NULL DEFAULT 0 CHECK (calls_at_arrival BETWEEN 0 AND calls),
  priority INTEGER NOT NULL DEFAULT 0,
  -- The counter that called, serves or parked the ticket; NULL while it waits.
  queue_counter_id TEXT,
  transfer_counter_id TEXT,
  transfer_service_ids TEXT CHECK (transfer_service_ids IS NULL OR json_valid(transfer_service_ids)),
  delivered_service_ids TEXT CHECK (
    delivered_service_ids IS NULL OR json_valid(delivered_service_ids)
  ),
  first_called_at INTEGER,
  called_at INTEGER,
  arrived_at INTEGER,
  parked_at INTEGER,
  transferred_at INTEGER,
  served_at INTEGER,
  served_counter_id TEXT,
  no_show_at INTEGER,
  requeue_not_before INTEGER,
  UNIQUE (office_id, local_date, call_number)
) STRICT;

INSERT INTO appointments_next (code, office_id, counter_id, starts_at, ends_at, local_date, status,
  source, service_ids, call_number, created_at, held_until, checked_in_at)
SELECT code, office_id, counter_id, starts_at, ends_at, local_date, status, source, service_ids,
  call_number, created_at, held_until, checked_in_at
FROM appointments;

DROP TABLE appointments;
ALTER TABLE appointments_next RENAME TO appointments;

CREATE INDEX appointments_by_office_day ON appointments (office_id, local_date, starts_at);
CREATE INDEX appointments_held_until ON appointments (held_until) WHERE status = 'held';
-- The live queue of a day (GET …/queue), and the waiting part in the order of who is next: what
-- every "call next" reads and the display counts.
CREATE INDEX appointments_in_queue ON appointments (office_id, local_date)
  WHERE status IN ('checked-in', 'called', 'serving', 'parked');
CREATE INDEX appointments_waiting
  ON appointments (office_id, local_date, priority DESC, starts_at, checked_in_at, code)
  WHERE status = 'checked-in';

CREATE TABLE appointment_slots (
  appointment_code TEXT NOT NULL REFERENCES appointments (code) ON DELETE CASCADE,
  slot_id TEXT NOT NULL REFERENCES slots (id),
  -- 1 while the appointment's status occupies its slots (everything but cancelled, no-show).
  occupying INTEGER NOT NULL CHECK (occupying IN (0, 1)),
  PRIMARY KEY (appointment_code, slot_id)
) STRICT;

INSERT INTO appointment_slots (appointment_code, slot_id, occupying)
SELECT appointment_code, slot_id, occupying FROM temp.appointment_slots_saved;
DROP TABLE temp.appointment_slots_saved;

CREATE UNIQUE INDEX one_occupant_per_slot ON appointment_slots (slot_id) WHERE occupying = 1;

CREATE TRIGGER appointment_status_sets_occupying
AFTER UPDATE OF status ON appointments
BEGIN
  UPDATE appointment_slots
  SET occupying = (NEW.status NOT IN ('cancelled', 'no-show'))
  WHERE appointment_code = NEW.code;
END;

-- Every call and recall, newest last: the display shows the latest ones, statistics count them.
-- No personal data: the ticket code is kept for joins and never leaves through the display.
CREATE TABLE queue_calls (
  seq INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  local_date TEXT NOT NULL,
  appointment_code TEXT NOT NULL REFERENCES appointments (code) ON DELETE CASCADE,
  counter_id TEXT NOT NULL,
  called_at INTEGER NOT NULL,
  -- The ticket's call count after this call (1 for the first call).
  calls INTEGER NOT NULL CHECK (calls >= 1)
) STRICT;

CREATE INDEX queue_calls_by_day ON queue_calls (office_id, local_date, seq);
CREATE INDEX queue_calls_by_code ON queue_calls (appointment_code);

-- The counter role joins kiosk, checkin, display and admin.
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
