-- Fewer index writes per instance. The writer pays for every index of a table on each insert and on each update of
-- a column the index holds, and H2 stores every index page that changed again at the next checkpoint. These
-- indexes were paid for by every instance and read by few commands; what read them now reads something else.

-- Element instances are read by instance and by flow scope with "state NOT IN (...)", which is no index condition:
-- the state in these two indexes bought nothing and cost two index writes per state change.
DROP INDEX ix_element_instance_process;
CREATE INDEX ix_element_instance_process ON element_instance (process_instance_key);
DROP INDEX ix_element_instance_scope;
CREATE INDEX ix_element_instance_scope ON element_instance (flow_scope_key);

-- An instance's jobs are found through its element instances (ix_element_instance_process, then ix_job_element):
-- the job search by instance and the history retention do so.
DROP INDEX ix_job_process;

-- One active instance per process and correlation key (message start events): only the instances that a message
-- started with a correlation key have a row, from their start to their end, instead of an index entry on every
-- instance that changed with its state.
CREATE TABLE message_started_instance (
  process_instance_key BIGINT PRIMARY KEY,
  bpmn_process_id      VARCHAR(256) NOT NULL,
  correlation_key      VARCHAR(1024) NOT NULL
);
CREATE INDEX ix_message_started_instance ON message_started_instance (bpmn_process_id, correlation_key);
INSERT INTO message_started_instance (process_instance_key, bpmn_process_id, correlation_key)
  SELECT process_instance_key, bpmn_process_id, correlation_key FROM process_instance
  WHERE correlation_key IS NOT NULL AND state = 'ACTIVE';
DROP INDEX ix_process_instance_correlation;
ALTER TABLE process_instance DROP COLUMN correlation_key;

-- Failed jobs whose back-off has not ended yet, so that the due-work scheduler can wake the workers waiting for
-- their type when it ends: a row per back-off, deleted by the scheduler once it ended, instead of an index on every
-- job's activatable time (written when the job was created and again when it was activated).
CREATE TABLE job_backoff (
  ends_at  BIGINT NOT NULL,
  job_key  BIGINT NOT NULL,
  job_type VARCHAR(1024) NOT NULL,
  PRIMARY KEY (ends_at, job_key)
);
INSERT INTO job_backoff (ends_at, job_key, job_type)
  SELECT activatable_at, job_key, job_type FROM job WHERE state = 'FAILED' AND activatable_at IS NOT NULL;
DROP INDEX ix_job_activatable_at;
