-- Final compliance results of closed incidents, one row per procedure step as the district's back office
-- evaluated it. A later compliance record of the same incident replaces its rows.
CREATE TABLE hq_compliance_step (
    event_id CHAR(36) NOT NULL,
    province VARCHAR(32) NOT NULL,
    incident_id VARCHAR(32) NOT NULL,
    incident_type VARCHAR(32) NOT NULL,
    sop_version INT NOT NULL,
    incident_created_at TIMESTAMP NOT NULL,
    step_order INT NOT NULL,
    step_id VARCHAR(64) NOT NULL,
    role VARCHAR(32),
    status VARCHAR(16) NOT NULL,
    due_at TIMESTAMP,
    done_at TIMESTAMP,
    late_seconds BIGINT,
    staff_id VARCHAR(64),
    station VARCHAR(64),
    district VARCHAR(64),
    shift VARCHAR(32),
    PRIMARY KEY (province, incident_id, step_order)
);
CREATE INDEX hq_compliance_created ON hq_compliance_step (incident_created_at, district);

-- HQ's copy of each district node's hash-chained audit trail, with the fields exactly as the node hashed
-- them. (province, seq) is not unique so that a second record with a known sequence number is stored and
-- reported by the verification rather than rejecting the district's whole batch.
CREATE TABLE hq_audit (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    seq BIGINT NOT NULL,
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
CREATE INDEX hq_audit_chain ON hq_audit (province, seq);

-- At every start HQ projects the audit and compliance records it stored before this version; the index
-- keeps that a read of those two types rather than of every position.
CREATE INDEX hq_record_type ON hq_record (record_type, received_at);
