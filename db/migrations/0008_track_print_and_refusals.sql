-- Reliability: an outbox entry has a state instead of only "done or not", so a refused upload
-- and one that keeps failing stay visible; a confirm can wait "parked" while its ticket is being
-- printed; and the server keeps the history of its leases, so an offline ticket is judged by the
-- lease that was valid when it was issued, also after that lease ran out.

-- parked: a confirm written before the ticket was sent to the printer; it becomes pending when
--   the print succeeded, or when the device restarts (the ticket may be on paper), and is
--   dropped when the printer reported that nothing was printed.
-- pending: waits for the server. stuck: failed many times; retried, but no longer blocks the
--   entries behind it. done: accepted. refused: the server's final "no" — staff must act.
ALTER TABLE device_outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
  CHECK (state IN ('parked', 'pending', 'stuck', 'done', 'refused'));

UPDATE device_outbox SET state = CASE
  WHEN done_at IS NULL THEN 'pending'
  WHEN result IS NOT NULL AND json_extract(result, '$.refused') IS NOT NULL THEN 'refused'
  ELSE 'done' END;

CREATE INDEX device_outbox_open ON device_outbox (state, seq)
  WHERE state IN ('parked', 'pending', 'stuck', 'refused');

-- Every lease a kiosk ever held, kept after slot_leases forgets it (expiry, use).
CREATE TABLE lease_history (
  lease_id TEXT NOT NULL,
  slot_id TEXT NOT NULL,
  office_id TEXT NOT NULL REFERENCES offices (id),
  device_id TEXT NOT NULL,
  leased_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (slot_id, lease_id)
) STRICT;

CREATE INDEX lease_history_by_device ON lease_history (office_id, device_id, slot_id);

INSERT INTO lease_history (lease_id, slot_id, office_id, device_id, leased_at, expires_at)
SELECT lease_id, slot_id, office_id, device_id, leased_at, expires_at FROM slot_leases;
