-- A kiosk whose printed ticket the server refused (an offline upload or a confirm) tells staff
-- at the check-in window through a staff call of reason 'ticket-refused', which carries the
-- ticket's call number, time and the server's error code. SQLite cannot change a CHECK
-- constraint in place: rebuild the table (https://www.sqlite.org/lang_altertable.html#otheralter).
CREATE TABLE staff_calls_next (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices (id),
  device_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('help', 'accessibility', 'ticket-refused')),
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  called_at INTEGER NOT NULL,
  done_at INTEGER,
  -- {"callNumber","start","problem"} for 'ticket-refused', else NULL.
  ticket TEXT CHECK (ticket IS NULL OR json_valid(ticket)),
  CHECK ((status = 'done') = (done_at IS NOT NULL)),
  CHECK ((reason = 'ticket-refused') = (ticket IS NOT NULL))
) STRICT;

INSERT INTO staff_calls_next (id, office_id, device_id, reason, status, called_at, done_at)
SELECT id, office_id, device_id, reason, status, called_at, done_at FROM staff_calls;
DROP TABLE staff_calls;
ALTER TABLE staff_calls_next RENAME TO staff_calls;
CREATE INDEX staff_calls_open ON staff_calls (office_id, called_at) WHERE status = 'open';
