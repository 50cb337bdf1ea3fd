-- Completed activities that have a compensation handler, until their scope ends. flow_scope_key is the
-- scope whose compensation throw event undoes them: the activities of a completed embedded sub-process
-- move up to its parent scope. thrown_by and handler_instance_key are set while the handler runs.
CREATE TABLE compensation_subscription (
  subscription_key      BIGINT PRIMARY KEY,
  process_instance_key  BIGINT NOT NULL,
  flow_scope_key        BIGINT NOT NULL,
  element_id            VARCHAR(256) NOT NULL,
  element_instance_key  BIGINT NOT NULL,
  handler_id            VARCHAR(256) NOT NULL,
  thrown_by             BIGINT,
  handler_instance_key  BIGINT
);
CREATE INDEX ix_compensation_scope ON compensation_subscription (flow_scope_key);
CREATE INDEX ix_compensation_process ON compensation_subscription (process_instance_key);
CREATE INDEX ix_compensation_thrower ON compensation_subscription (thrown_by);
CREATE INDEX ix_compensation_handler ON compensation_subscription (handler_instance_key);
