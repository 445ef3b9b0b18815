-- Every record another bundle appended to the outbox, kept after the uplink removed it from the outbox, so
-- that reconciliation with HQ can list a day's event ids per record type and queue missing records again.
-- record_day is the UTC day of created_at. A scheduled purge removes the days older than the retention.
CREATE TABLE record_ledger (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    record_type VARCHAR(32) NOT NULL,
    record_day DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    payload CLOB NOT NULL
);
CREATE INDEX record_ledger_type_day ON record_ledger (record_type, record_day, event_id);
CREATE INDEX record_ledger_day ON record_ledger (record_day);
