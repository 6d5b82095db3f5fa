-- The schedule: offices with their catalogue, the slot grid, and appointments.
-- Shared by the central server's store and every device's replica (one migration sequence).
-- Times are epoch milliseconds (UTC) in *_at columns; local_date is the office-local day.

CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  -- The catalogue (office, services, counters, policy) is read whole and changes rarely,
  -- so it is kept as one JSON document rather than spread over tables.
  catalogue TEXT NOT NULL CHECK (json_valid(catalogue)),
  -- Secret for the QR payload's HMAC (docs/domain.md). Devices need it to verify offline.
  ticket_key TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE slots (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  counter_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  category TEXT NOT NULL CHECK (category IN ('short', 'regular')),
  status TEXT NOT NULL CHECK (status IN ('free', 'held', 'booked', 'blocked', 'leased')),
  UNIQUE (office_id, counter_id, starts_at)
) STRICT;

CREATE INDEX slots_by_office_time ON slots (office_id, starts_at);

CREATE TABLE appointments (
  code TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  counter_id TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  local_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (
    status IN ('held', 'booked', 'checked-in', 'called', 'served', 'no-show', 'cancelled')
  ),
  source TEXT NOT NULL CHECK (source IN ('walk-in', 'online')),
  service_ids TEXT NOT NULL CHECK (json_valid(service_ids)),
  call_number TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  held_until INTEGER,
  checked_in_at INTEGER,
  UNIQUE (office_id, local_date, call_number)
) STRICT;

CREATE INDEX appointments_by_office_day ON appointments (office_id, local_date, starts_at);

CREATE TABLE appointment_slots (
  appointment_code TEXT NOT NULL REFERENCES appointments (code) ON DELETE CASCADE,
  slot_id TEXT NOT NULL REFERENCES slots (id),
  -- 1 while the appointment's status occupies its slots (everything but cancelled, no-show).
  occupying INTEGER NOT NULL CHECK (occupying IN (0, 1)),
  PRIMARY KEY (appointment_code, slot_id)
) STRICT;

-- No double booking, ever (docs/domain.md, "Sync and offline"): whatever the status — held, booked, checked in,
-- called, served — a slot has at most one occupying appointment.
CREATE UNIQUE INDEX one_occupant_per_slot ON appointment_slots (slot_id) WHERE occupying = 1;

-- The occupying flag follows the status, so no code path can forget it.
CREATE TRIGGER appointment_status_sets_occupying
AFTER UPDATE OF status ON appointments
BEGIN
  UPDATE appointment_slots
  SET occupying = (NEW.status NOT IN ('cancelled', 'no-show'))
  WHERE appointment_code = NEW.code;
END;
