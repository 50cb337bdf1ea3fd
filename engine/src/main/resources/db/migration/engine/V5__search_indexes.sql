-- Searches read a page in key order and stop after it: each search index leads with the columns a search
-- filters by equality and ends with the key the page is sorted by (JdbcEngineQueries orders by those
-- columns, then the key, so that H2 also sees the index as sorted; both stores walk it backwards for DESC).
-- With completed history in the same tables, a search then costs the same at 1M completed instances as at 0.

-- process instances by process id and state (replaces (bpmn_process_id, state), which it covers)
DROP INDEX ix_process_instance_process;
CREATE INDEX ix_process_instance_process ON process_instance (bpmn_process_id, state, process_instance_key);
-- process instances by process id alone, and by process definition
CREATE INDEX ix_process_instance_process_key ON process_instance (bpmn_process_id, process_instance_key);
CREATE INDEX ix_process_instance_definition ON process_instance (process_definition_key, process_instance_key);

-- jobs by type and state
CREATE INDEX ix_job_type_state ON job (job_type, state, job_key);
