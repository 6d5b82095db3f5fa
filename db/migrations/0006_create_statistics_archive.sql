-- Retention (docs/retention.md): statistics kept when a day's records are deleted, one row per
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

-- Retention compacts the change feed to the newest entry per subject; this index keeps that a
-- lookup per entry instead of a scan of the whole feed.
CREATE INDEX changes_by_subject ON changes (office_id, kind, entity_id, seq);
