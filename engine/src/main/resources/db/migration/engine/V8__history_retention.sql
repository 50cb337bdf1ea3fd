-- History retention (ExpiredHistory): the root instances that ended before the cut-off are found through this index,
-- by an equality on the parent (NULL for a root) and a range on the end time; running instances (no end time) and
-- the children of call activities (deleted with their root) are never read. Both H2 and PostgreSQL use it for
-- "parent_process_instance_key IS NULL AND end_time < ?".
CREATE INDEX ix_process_instance_ended ON process_instance (parent_process_instance_key, end_time);
-- It leads with the parent, so it also serves the look-ups of an instance's children: the index on the parent
-- alone would only cost every instance's start and end one more index write.
DROP INDEX ix_process_instance_parent;
