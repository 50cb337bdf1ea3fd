-- Rollouts (issue 10), part 2: hourly step rollups and the per-site version history.

-- Hourly rollups of the step records (issue 10, insights at millions of records): per hour, site, job type
-- and plugin version, maintained in the transaction that stores each step record, so an insight reads a
-- few rows per hour instead of every record. Only records with a site and a plugin are rolled up (the
-- insights leave the others out). V5_1 (a Java migration, StepRollupRebuild) fills them from the records
-- already there. Portable SQL (H2 and PostgreSQL).

CREATE TABLE step_rollup (
  job_type       VARCHAR(255) NOT NULL,
  site_id        VARCHAR(100) NOT NULL,
  plugin_id      VARCHAR(100) NOT NULL,
  plugin_version VARCHAR(100) NOT NULL,
  hour_start     TIMESTAMP WITH TIME ZONE NOT NULL,
  jobs           BIGINT NOT NULL,
  failures       BIGINT NOT NULL,
  bpmn_errors    BIGINT NOT NULL,
  first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (job_type, site_id, plugin_id, plugin_version, hour_start)
);

CREATE INDEX step_rollup_by_hour ON step_rollup (hour_start);

-- A measure's count, sum and sum of squares (for the variance) in the hour.
CREATE TABLE step_rollup_measure (
  job_type       VARCHAR(255) NOT NULL,
  site_id        VARCHAR(100) NOT NULL,
  plugin_id      VARCHAR(100) NOT NULL,
  plugin_version VARCHAR(100) NOT NULL,
  hour_start     TIMESTAMP WITH TIME ZONE NOT NULL,
  name           VARCHAR(100) NOT NULL,
  value_count    BIGINT NOT NULL,
  total          DOUBLE PRECISION NOT NULL,
  total_squares  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (job_type, site_id, plugin_id, plugin_version, hour_start, name)
);

-- Histograms for the percentiles: how many values of a series fell into each logarithmic bucket
-- (LogBuckets: 4 per doubling, signed). series is '' for the duration in ms, else a measure's name
-- (measure names are never blank). Sparse: only buckets that hold a value have a row.
CREATE TABLE step_rollup_bucket (
  job_type       VARCHAR(255) NOT NULL,
  site_id        VARCHAR(100) NOT NULL,
  plugin_id      VARCHAR(100) NOT NULL,
  plugin_version VARCHAR(100) NOT NULL,
  hour_start     TIMESTAMP WITH TIME ZONE NOT NULL,
  series         VARCHAR(100) NOT NULL,
  bucket         INT NOT NULL,
  n              BIGINT NOT NULL,
  PRIMARY KEY (job_type, site_id, plugin_id, plugin_version, hour_start, series, bucket)
);

-- What each site ran before its current version, per job type, as a stack (the highest depth is the
-- version just before the current one): a rollback or withdrawal goes back one level at a time, however
-- many rollouts came before. Replaces the one-level previous_* columns of V2.
CREATE TABLE site_plugin_history (
  site_id        VARCHAR(100) NOT NULL,
  job_type       VARCHAR(255) NOT NULL,
  depth          INT NOT NULL,
  plugin_id      VARCHAR(100) NOT NULL,
  plugin_version VARCHAR(100) NOT NULL,
  PRIMARY KEY (site_id, job_type, depth)
);

INSERT INTO site_plugin_history (site_id, job_type, depth, plugin_id, plugin_version)
  SELECT site_id, job_type, 1, previous_plugin_id, previous_plugin_version FROM site_plugin_assignment
  WHERE previous_plugin_id IS NOT NULL;

ALTER TABLE site_plugin_assignment DROP COLUMN previous_plugin_id;
ALTER TABLE site_plugin_assignment DROP COLUMN previous_plugin_version;
