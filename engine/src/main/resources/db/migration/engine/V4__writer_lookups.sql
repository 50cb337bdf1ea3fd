-- Event log positions come from the identity sequence. H2 persists a sequence (an extra store of the file)
-- every time its cache runs out, 32 values by default, which is every few commands; a larger cache makes
-- that rare. A crash only leaves a gap in the positions.
ALTER TABLE event_log ALTER COLUMN position SET CACHE 10000;

-- The due-work scheduler asks which failed jobs' back-off just ended, by activatable_at alone.
CREATE INDEX ix_job_activatable_at ON job (activatable_at);
