-- The ids people search instances by (order id, shipment id, tracking id), recorded when the engine writes a
-- variable that carries one (BusinessIdIndex, configured by BusinessIdPaths). Searching by id then reads this
-- index instead of every variable's JSON. An instance keeps every id it has carried.
CREATE TABLE business_id (
  process_instance_key BIGINT NOT NULL,
  path                 VARCHAR(1024) NOT NULL,
  business_id          VARCHAR(1024) NOT NULL,
  PRIMARY KEY (process_instance_key, path, business_id)
);
CREATE INDEX ix_business_id ON business_id (business_id, process_instance_key);

-- Which configured paths have had the variables written before them indexed (BusinessIdIndex.backfillStep, run at
-- start): a path added to the configuration later is backfilled once, in steps, from last_variable_key on.
CREATE TABLE business_id_backfill (
  path              VARCHAR(1024) PRIMARY KEY,
  done              BOOLEAN NOT NULL,
  last_variable_key BIGINT NOT NULL
);
