-- Records HQ rejected for their content (HTTP 400 with a reason for the record). Resending them cannot
-- succeed, so the uplink moves them here, out of the outbox, where they would block every later record.
CREATE TABLE outbox_rejected (
    seq BIGINT NOT NULL PRIMARY KEY,
    event_id CHAR(36) NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    payload CLOB NOT NULL,
    rejected_at TIMESTAMP NOT NULL,
    reason VARCHAR(1000) NOT NULL
);
CREATE INDEX outbox_rejected_event ON outbox_rejected (event_id);
