-- Checklist ticks, technical-assistance records and camera snapshots of incidents, as facts of their procedure.
CREATE TABLE bo_incident_fact (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id VARCHAR(32) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    name VARCHAR(64) NOT NULL,
    done_at TIMESTAMP NOT NULL,
    staff_id VARCHAR(32),
    recorded_by VARCHAR(128) NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX bo_incident_fact_incident ON bo_incident_fact (incident_id);
-- The latest evaluation of each step of each incident's procedure; final once the incident is closed.
CREATE TABLE bo_compliance (
    incident_id VARCHAR(32) NOT NULL,
    step_id VARCHAR(32) NOT NULL,
    step_order INT NOT NULL,
    sop_type VARCHAR(32) NOT NULL,
    sop_version INT NOT NULL,
    role VARCHAR(32) NOT NULL,
    fact VARCHAR(100) NOT NULL,
    status VARCHAR(16) NOT NULL,
    due_at TIMESTAMP,
    done_at TIMESTAMP,
    late_seconds BIGINT,
    staff_id VARCHAR(32),
    station VARCHAR(100),
    district VARCHAR(100),
    shift VARCHAR(32),
    incident_created_at TIMESTAMP NOT NULL,
    evaluated_at TIMESTAMP NOT NULL,
    final BOOLEAN NOT NULL,
    PRIMARY KEY (incident_id, step_id)
);
CREATE INDEX bo_compliance_created ON bo_compliance (incident_created_at);
