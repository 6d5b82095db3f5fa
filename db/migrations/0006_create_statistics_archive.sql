-- Statistics kept when retention deletes a day's appointments and slots: one row per office and
-- period (a day, or an hour of it), holding only aggregates — nothing that identifies a citizen.
CREATE TABLE statistics_archive (
  office_id TEXT NOT NULL REFERENCES offices (id),
  granularity TEXT NOT NULL CHECK (granularity IN ('day', 'hour')),
  -- '2026-11-24' for a day, '2026-11-24T09' for an hour, in the office's local time.
  period TEXT NOT NULL,
  figures TEXT NOT NULL CHECK (json_valid(figures)),
  archived_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, granularity, period)
) STRICT;
