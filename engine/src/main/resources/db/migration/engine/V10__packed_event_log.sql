-- One event log row per run of events of the same process instance in a command, instead of one row per event:
-- the row's columns keep its first event, packed_events the others (io.milepost.engine.state.PackedEvents). Rows
-- written before hold one event each and stay as they are; an event's position is now the row's position times
-- 256 plus its index in the row, so every position read before this is multiplied by 256.
-- VARCHAR, not TEXT: on H2 TEXT is a large object, stored apart from the row once past a few hundred characters.
ALTER TABLE event_log ADD COLUMN packed_events VARCHAR;
