-- The outbox backlog each district's uplink last reported with a batch or Kafka message.
CREATE TABLE hq_uplink_backlog (
    province VARCHAR(32) NOT NULL PRIMARY KEY,
    backlog_rows BIGINT NOT NULL,
    oldest_created_at TIMESTAMP NOT NULL,
    oldest_age_seconds BIGINT NOT NULL,
    reported_at TIMESTAMP NOT NULL
);

-- Reconciliation counts and lists the event ids of one district, type and day of created_at. The index
-- contains every column it reads, so that a day of positions is read from the index alone.
CREATE INDEX hq_record_reconcile ON hq_record (province, record_type, created_at, event_id);

-- The last reconciliation of each district, UTC day and record type. state is MATCH when the counts and
-- digests agreed, CHECKING while the district sends its ids, and COMPLETE after its last chunk of ids.
CREATE TABLE hq_reconciliation (
    province VARCHAR(32) NOT NULL,
    recon_day DATE NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    run_id CHAR(36) NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    district_count BIGINT NOT NULL,
    hq_count BIGINT NOT NULL,
    missing_count BIGINT NOT NULL,
    missing_ids VARCHAR(1000) NOT NULL,
    state VARCHAR(16) NOT NULL,
    PRIMARY KEY (province, recon_day, record_type)
);
