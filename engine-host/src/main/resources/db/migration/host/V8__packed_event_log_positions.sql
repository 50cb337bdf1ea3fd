-- The engine's event log packs a command's events into one row (engine migration V10): an event's position is now
-- its row's position times 256 plus its index in the row. A position read before is the position of a row of one
-- event, so it is the same place in the log times 256.
UPDATE inventory_event_cursor SET position = position * 256;
