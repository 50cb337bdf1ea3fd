-- DMN: a deployed .dmn resource is a decision requirements graph (DRG), versioned by its definitions id; each
-- decision in it is a decision definition, versioned by its decision id. Every evaluation of a decision (by a
-- business rule task or through the API) is kept: one decision_instance row per decision it evaluated (the
-- required decisions first, the called decision last), keyed "<evaluation key>-<index>" as Camunda 8 does.

CREATE TABLE decision_requirements (
  decision_requirements_key BIGINT PRIMARY KEY,
  decision_requirements_id  VARCHAR(256) NOT NULL,
  name                      VARCHAR(1024),
  version                   INT NOT NULL,
  resource_name             VARCHAR(1024) NOT NULL,
  checksum                  VARCHAR(64) NOT NULL,
  deployment_key            BIGINT NOT NULL,
  tenant_id                 VARCHAR(256) NOT NULL,
  dmn_xml                   TEXT NOT NULL,
  CONSTRAINT uq_decision_requirements_version UNIQUE (decision_requirements_id, version, tenant_id)
);

CREATE TABLE decision_definition (
  decision_definition_key   BIGINT PRIMARY KEY,
  decision_id               VARCHAR(256) NOT NULL,
  name                      VARCHAR(1024),
  version                   INT NOT NULL,
  version_tag               VARCHAR(256),
  decision_requirements_key BIGINT NOT NULL,
  decision_requirements_id  VARCHAR(256) NOT NULL,
  deployment_key            BIGINT NOT NULL,
  tenant_id                 VARCHAR(256) NOT NULL,
  CONSTRAINT uq_decision_definition_version UNIQUE (decision_id, version, tenant_id)
);
CREATE INDEX ix_decision_definition_deployment ON decision_definition (deployment_key, decision_id);
CREATE INDEX ix_decision_definition_requirements ON decision_definition (decision_requirements_key);

CREATE TABLE decision_instance (
  decision_instance_id         VARCHAR(64) PRIMARY KEY,
  decision_evaluation_key      BIGINT NOT NULL,
  evaluation_index             INT NOT NULL,
  decision_definition_key      BIGINT NOT NULL,
  decision_id                  VARCHAR(256) NOT NULL,
  decision_name                VARCHAR(1024),
  decision_version             INT NOT NULL,
  decision_type                VARCHAR(32) NOT NULL,
  root_decision_definition_key BIGINT NOT NULL,
  decision_requirements_key    BIGINT NOT NULL,
  state                        VARCHAR(16) NOT NULL,
  evaluation_date              BIGINT NOT NULL,
  evaluation_failure           TEXT,
  result_json                  TEXT,
  inputs_json                  TEXT NOT NULL,
  matched_rules_json           TEXT NOT NULL,
  process_definition_key       BIGINT,
  process_instance_key         BIGINT,
  element_instance_key         BIGINT,
  element_id                   VARCHAR(256),
  tenant_id                    VARCHAR(256) NOT NULL
);
CREATE INDEX ix_decision_instance_evaluation ON decision_instance (decision_evaluation_key, evaluation_index);
CREATE INDEX ix_decision_instance_process ON decision_instance (process_instance_key);
CREATE INDEX ix_decision_instance_definition ON decision_instance (decision_definition_key);
