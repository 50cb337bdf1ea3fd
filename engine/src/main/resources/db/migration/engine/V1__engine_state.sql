-- Milepost engine schema. Portable between H2 (2.x) and PostgreSQL: times are epoch milliseconds
-- (BIGINT), documents are JSON text (TEXT), keys are 64-bit longs handed out by key_block.
-- Runtime rows and their history share tables; every lookup the engine does on the hot path has an
-- index whose leading columns are the runtime state, so finished rows do not slow it down.

CREATE TABLE key_block (
  id        INT PRIMARY KEY,
  next_key  BIGINT NOT NULL
);
INSERT INTO key_block (id, next_key) VALUES (1, 2251799813685249);

CREATE TABLE deployment (
  deployment_key BIGINT PRIMARY KEY,
  tenant_id      VARCHAR(256) NOT NULL,
  created_at     BIGINT NOT NULL
);

CREATE TABLE process_definition (
  process_definition_key BIGINT PRIMARY KEY,
  bpmn_process_id        VARCHAR(256) NOT NULL,
  version                INT NOT NULL,
  name                   VARCHAR(1024),
  resource_name          VARCHAR(1024) NOT NULL,
  checksum               VARCHAR(64) NOT NULL,
  deployment_key         BIGINT NOT NULL,
  tenant_id              VARCHAR(256) NOT NULL,
  bpmn_xml               TEXT NOT NULL,
  CONSTRAINT uq_process_definition_version UNIQUE (bpmn_process_id, version, tenant_id)
);

CREATE TABLE form (
  form_key        BIGINT PRIMARY KEY,
  form_id         VARCHAR(256) NOT NULL,
  version         INT NOT NULL,
  resource_name   VARCHAR(1024) NOT NULL,
  checksum        VARCHAR(64) NOT NULL,
  deployment_key  BIGINT NOT NULL,
  tenant_id       VARCHAR(256) NOT NULL,
  schema_json     TEXT NOT NULL,
  CONSTRAINT uq_form_version UNIQUE (form_id, version, tenant_id)
);

CREATE TABLE process_instance (
  process_instance_key        BIGINT PRIMARY KEY,
  process_definition_key      BIGINT NOT NULL,
  bpmn_process_id             VARCHAR(256) NOT NULL,
  version                     INT NOT NULL,
  state                       VARCHAR(16) NOT NULL,
  start_time                  BIGINT NOT NULL,
  end_time                    BIGINT,
  parent_process_instance_key BIGINT,
  parent_element_instance_key BIGINT,
  incident_count              INT NOT NULL DEFAULT 0,
  tenant_id                   VARCHAR(256) NOT NULL
);
CREATE INDEX ix_process_instance_process ON process_instance (bpmn_process_id, state);
CREATE INDEX ix_process_instance_state ON process_instance (state, process_instance_key);
CREATE INDEX ix_process_instance_parent ON process_instance (parent_process_instance_key);

-- One row per activation of a flow element; the process itself is the row whose key is the
-- process instance key (element_type PROCESS).
CREATE TABLE element_instance (
  element_instance_key  BIGINT PRIMARY KEY,
  process_instance_key  BIGINT NOT NULL,
  flow_scope_key        BIGINT,
  element_id            VARCHAR(256) NOT NULL,
  element_type          VARCHAR(64) NOT NULL,
  state                 VARCHAR(32) NOT NULL,
  start_time            BIGINT NOT NULL,
  end_time              BIGINT,
  incident_key          BIGINT,
  -- multi-instance: which item this inner instance works on (1-based), and per-body counters
  loop_counter          INT,
  -- element-specific facts as JSON (e.g. the called instance, the interrupting event that won)
  detail                TEXT
);
CREATE INDEX ix_element_instance_process ON element_instance (process_instance_key, state);
CREATE INDEX ix_element_instance_scope ON element_instance (flow_scope_key, state);

CREATE TABLE variable (
  variable_key          BIGINT PRIMARY KEY,
  scope_key             BIGINT NOT NULL,
  process_instance_key  BIGINT NOT NULL,
  name                  VARCHAR(1024) NOT NULL,
  value_json            TEXT NOT NULL,
  tenant_id             VARCHAR(256) NOT NULL,
  CONSTRAINT uq_variable_scope_name UNIQUE (scope_key, name)
);
CREATE INDEX ix_variable_process ON variable (process_instance_key);

-- Sequence flows taken into a joining gateway that has not fired yet (parallel / inclusive joins).
CREATE TABLE taken_flow (
  flow_scope_key BIGINT NOT NULL,
  gateway_id     VARCHAR(256) NOT NULL,
  flow_id        VARCHAR(256) NOT NULL,
  taken_count    INT NOT NULL,
  PRIMARY KEY (flow_scope_key, gateway_id, flow_id)
);

CREATE TABLE job (
  job_key                 BIGINT PRIMARY KEY,
  job_type                VARCHAR(1024) NOT NULL,
  state                   VARCHAR(16) NOT NULL,
  -- activatable jobs are found by (job_type, activatable_at): null when not activatable
  activatable_at          BIGINT,
  retries                 INT NOT NULL,
  worker                  VARCHAR(1024),
  deadline                BIGINT,
  error_message           TEXT,
  process_instance_key    BIGINT NOT NULL,
  element_instance_key    BIGINT NOT NULL,
  element_id              VARCHAR(256) NOT NULL,
  bpmn_process_id         VARCHAR(256) NOT NULL,
  process_definition_key  BIGINT NOT NULL,
  process_version         INT NOT NULL,
  custom_headers          TEXT NOT NULL,
  kind                    VARCHAR(32) NOT NULL,
  tenant_id               VARCHAR(256) NOT NULL,
  created_at              BIGINT NOT NULL
);
CREATE INDEX ix_job_activatable ON job (job_type, activatable_at);
CREATE INDEX ix_job_deadline ON job (deadline);
CREATE INDEX ix_job_element ON job (element_instance_key);
CREATE INDEX ix_job_process ON job (process_instance_key);

CREATE TABLE incident (
  incident_key            BIGINT PRIMARY KEY,
  process_instance_key    BIGINT NOT NULL,
  process_definition_key  BIGINT NOT NULL,
  bpmn_process_id         VARCHAR(256) NOT NULL,
  element_id              VARCHAR(256) NOT NULL,
  element_instance_key    BIGINT NOT NULL,
  job_key                 BIGINT,
  error_type              VARCHAR(64) NOT NULL,
  error_message           TEXT,
  state                   VARCHAR(16) NOT NULL,
  created_at              BIGINT NOT NULL,
  resolved_at             BIGINT,
  tenant_id               VARCHAR(256) NOT NULL
);
CREATE INDEX ix_incident_process ON incident (process_instance_key, state);
CREATE INDEX ix_incident_state ON incident (state, incident_key);

CREATE TABLE user_task (
  user_task_key           BIGINT PRIMARY KEY,
  name                    VARCHAR(1024),
  state                   VARCHAR(16) NOT NULL,
  assignee                VARCHAR(256),
  candidate_groups        TEXT NOT NULL,
  candidate_users         TEXT NOT NULL,
  element_id              VARCHAR(256) NOT NULL,
  element_instance_key    BIGINT NOT NULL,
  process_instance_key    BIGINT NOT NULL,
  process_definition_key  BIGINT NOT NULL,
  bpmn_process_id         VARCHAR(256) NOT NULL,
  process_version         INT NOT NULL,
  created_at              BIGINT NOT NULL,
  completed_at            BIGINT,
  due_date                VARCHAR(64),
  follow_up_date          VARCHAR(64),
  form_key                VARCHAR(256),
  external_form_reference VARCHAR(1024),
  priority                INT NOT NULL DEFAULT 50,
  custom_headers          TEXT NOT NULL,
  tenant_id               VARCHAR(256) NOT NULL
);
CREATE INDEX ix_user_task_state ON user_task (state, user_task_key);
CREATE INDEX ix_user_task_process ON user_task (process_instance_key);
CREATE INDEX ix_user_task_element ON user_task (element_instance_key);

CREATE TABLE timer (
  timer_key             BIGINT PRIMARY KEY,
  due_at                BIGINT NOT NULL,
  -- remaining repetitions of a cycle: -1 for unbounded, 0 for a one-off
  repetitions           INT NOT NULL,
  interval_millis       BIGINT,
  element_id            VARCHAR(256) NOT NULL,
  element_instance_key  BIGINT,
  process_instance_key  BIGINT,
  process_definition_key BIGINT NOT NULL,
  tenant_id             VARCHAR(256) NOT NULL
);
CREATE INDEX ix_timer_due ON timer (due_at);
CREATE INDEX ix_timer_element ON timer (element_instance_key);
CREATE INDEX ix_timer_definition ON timer (process_definition_key);

CREATE TABLE message (
  message_key     BIGINT PRIMARY KEY,
  name            VARCHAR(1024) NOT NULL,
  correlation_key VARCHAR(1024) NOT NULL,
  message_id      VARCHAR(1024),
  variables_json  TEXT NOT NULL,
  expires_at      BIGINT NOT NULL,
  tenant_id       VARCHAR(256) NOT NULL
);
CREATE INDEX ix_message_lookup ON message (name, correlation_key);
CREATE INDEX ix_message_expiry ON message (expires_at);
CREATE INDEX ix_message_id ON message (name, message_id);

-- Which buffered message already reached which process (a message correlates once per process).
CREATE TABLE message_correlation (
  message_key     BIGINT NOT NULL,
  bpmn_process_id VARCHAR(256) NOT NULL,
  PRIMARY KEY (message_key, bpmn_process_id)
);

CREATE TABLE message_subscription (
  subscription_key      BIGINT PRIMARY KEY,
  message_name          VARCHAR(1024) NOT NULL,
  correlation_key       VARCHAR(1024),
  element_id            VARCHAR(256) NOT NULL,
  element_instance_key  BIGINT,
  process_instance_key  BIGINT,
  process_definition_key BIGINT NOT NULL,
  bpmn_process_id       VARCHAR(256) NOT NULL,
  interrupting          BOOLEAN NOT NULL,
  tenant_id             VARCHAR(256) NOT NULL
);
CREATE INDEX ix_message_subscription_lookup ON message_subscription (message_name, correlation_key);
CREATE INDEX ix_message_subscription_element ON message_subscription (element_instance_key);

CREATE TABLE signal_subscription (
  subscription_key      BIGINT PRIMARY KEY,
  signal_name           VARCHAR(1024) NOT NULL,
  element_id            VARCHAR(256) NOT NULL,
  element_instance_key  BIGINT,
  process_instance_key  BIGINT,
  process_definition_key BIGINT NOT NULL,
  interrupting          BOOLEAN NOT NULL,
  tenant_id             VARCHAR(256) NOT NULL
);
CREATE INDEX ix_signal_subscription_name ON signal_subscription (signal_name);
CREATE INDEX ix_signal_subscription_element ON signal_subscription (element_instance_key);

-- The append-only event log: history, audit, analytics, exporters.
CREATE TABLE event_log (
  position              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  record_key            BIGINT NOT NULL,
  value_type            VARCHAR(32) NOT NULL,
  intent                VARCHAR(64) NOT NULL,
  process_instance_key  BIGINT NOT NULL,
  element_id            VARCHAR(256),
  element_type          VARCHAR(64),
  created_at            BIGINT NOT NULL,
  payload_json          TEXT
);
CREATE INDEX ix_event_log_process ON event_log (process_instance_key, position);
