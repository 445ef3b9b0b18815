-- The audit trail: one row per audited action, chained by hash (see AuditChain). Rows are only inserted.
CREATE TABLE bo_audit (
    seq BIGINT NOT NULL PRIMARY KEY,
    event_id CHAR(36) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    actor VARCHAR(128) NOT NULL,
    source VARCHAR(16) NOT NULL,
    remote_address VARCHAR(128),
    action VARCHAR(64) NOT NULL,
    targets VARCHAR(1000) NOT NULL,
    before_summary VARCHAR(4000),
    after_summary VARCHAR(4000),
    previous_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL
);
CREATE INDEX bo_audit_time ON bo_audit (recorded_at);
