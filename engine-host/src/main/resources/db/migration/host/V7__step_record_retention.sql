-- Step record retention (io.milepost.host.step.OldStepRecords): the records older than milepost.steps.record-retention
-- are found by their start time alone, oldest first, a batch at a time; the hourly rollups (step_rollup*) stay.
CREATE INDEX step_record_by_time ON step_record (started_at);
