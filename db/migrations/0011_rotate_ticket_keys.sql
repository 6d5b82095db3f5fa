-- The office ticket key (the QR payload's HMAC secret) leaves the offices row for a table of keys,
-- so it can be rotated: the current key (retires_at NULL) signs, a previous one still verifies
-- until retires_at. On the server this is the office's key set; in a device's replica it holds
-- the keys only on devices that verify offline (check-in windows, self-check-in kiosks) — a lobby
-- kiosk's next sync deletes what an older version kept here.
CREATE TABLE ticket_keys (
  office_id TEXT NOT NULL REFERENCES offices (id),
  secret TEXT NOT NULL CHECK (length(secret) > 0),
  created_at INTEGER NOT NULL,
  retires_at INTEGER,
  PRIMARY KEY (office_id, secret)
) STRICT;

INSERT INTO ticket_keys (office_id, secret, created_at, retires_at)
  SELECT id, ticket_key, updated_at, NULL FROM offices WHERE ticket_key != '';

-- ALTER TABLE … DROP COLUMN rewrites the rows; the database opens with secure_delete on, so the
-- freed pages holding the old key are zeroed, not left readable in the file.
ALTER TABLE offices DROP COLUMN ticket_key;

-- Who checked a ticket in (the device id of the token), so a copy presented later or elsewhere
-- can be told apart from the same person scanning twice.
ALTER TABLE appointments ADD COLUMN checked_in_by TEXT;

-- Device side. QR payloads the server signed for the slots it leased to this kiosk: a kiosk
-- prints them offline without ever holding the key. Replaced with every lease grant.
CREATE TABLE device_lease_tickets (
  office_id TEXT NOT NULL,
  slot_id TEXT NOT NULL,
  code TEXT NOT NULL PRIMARY KEY,
  payload TEXT NOT NULL
) STRICT;

-- Tickets this check-in device admitted offline although its replica did not know them (a valid
-- MAC, the code not yet in the feed): a copy of the same QR checks in only once while offline.
CREATE TABLE device_offline_check_ins (
  office_id TEXT NOT NULL,
  code TEXT NOT NULL,
  local_start TEXT NOT NULL,
  checked_in_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, code)
) STRICT;

-- Server side. When each device was last heard from and its latest silence: an offline
-- check-in's time must fall into that silence (or the last few minutes), not a day back.
CREATE TABLE device_contacts (
  office_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  silent_from INTEGER,
  silent_until INTEGER,
  PRIMARY KEY (office_id, device_id)
) STRICT;
