-- How far the host has read the engine's event log for stock (io.milepost.host.inventory.TerminatedInstances):
-- an instance that ends terminated (cancelled through the API, or with its parent) gives back every unit it still
-- held reserved. The position moves in the same transaction as the releases it caused, so each terminated
-- instance is handled exactly once, across restarts.
CREATE TABLE inventory_event_cursor (
  name     VARCHAR(64) PRIMARY KEY,
  position BIGINT      NOT NULL
);
