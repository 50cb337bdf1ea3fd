-- The position of the last journaled transaction the store holds (io.milepost.engine.state.CommitJournal): each
-- journaled writer transaction writes its own, so on start the journal's later records are run again.
CREATE TABLE journal_position (
  id       INT PRIMARY KEY,
  position BIGINT NOT NULL
);
INSERT INTO journal_position (id, position) VALUES (1, 0);
