-- A buffered message correlates at most once per process instance (message_correlation keeps the
-- once-per-process rule of message start events).
CREATE TABLE message_instance_correlation (
  message_key           BIGINT NOT NULL,
  process_instance_key  BIGINT NOT NULL,
  PRIMARY KEY (message_key, process_instance_key)
);
-- Message start events: one active instance per process and correlation key.
ALTER TABLE process_instance ADD COLUMN correlation_key VARCHAR(1024);
CREATE INDEX ix_process_instance_correlation ON process_instance (bpmn_process_id, correlation_key, state);
