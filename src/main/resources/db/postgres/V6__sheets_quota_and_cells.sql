-- The Sheets quota shared by every instance on this database: per kind of call ('read', 'write'), the earliest
-- time (epoch ms) the next call may be sent. A call reserves its moment with one conditional UPDATE.
CREATE TABLE sheets_quota (
    kind TEXT PRIMARY KEY,
    next_at BIGINT NOT NULL
);
INSERT INTO sheets_quota (kind, next_at) VALUES ('read', 0);
INSERT INTO sheets_quota (kind, next_at) VALUES ('write', 0);
-- What wipflow last wrote in each cell of the product's row (header -> text), never cleared by a reset: a cell
-- that differs from it was changed by a person.
ALTER TABLE wip_products ADD COLUMN sheet_written TEXT;
-- The cells a person changed, as the last read of the row found them (header -> text): wipflow never writes them.
ALTER TABLE wip_products ADD COLUMN sheet_kept TEXT;
