-- Site data (io.milepost.host.sitedata): each site's own copies of the data sets its plugins declare
-- (slotting, ...), every version kept, with who changed it and why. Portable SQL (H2, PostgreSQL).
CREATE TABLE site_data_version (
  site_id    VARCHAR(100) NOT NULL,
  data_set   VARCHAR(100) NOT NULL,
  version    INTEGER NOT NULL,
  content    VARCHAR(1000000) NOT NULL,
  row_count  INTEGER NOT NULL,
  changed_by VARCHAR(200) NOT NULL,
  reason     VARCHAR(4000) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (site_id, data_set, version)
);

-- Which site data versions a step read, e.g. "slotting@3" or "slotting@bundled", so insights can compare
-- before and after a data change as they compare plugin versions.
ALTER TABLE step_record ADD COLUMN data_versions VARCHAR(1000);
