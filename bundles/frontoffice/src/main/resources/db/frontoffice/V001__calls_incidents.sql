-- Every call, emergency or not. Caller numbers stay on this node; HQ receives them masked.
CREATE TABLE fo_call (
    call_id VARCHAR(32) NOT NULL PRIMARY KEY,
    number BIGINT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    caller_number VARCHAR(32),
    caller_name VARCHAR(100),
    latitude DOUBLE,
    longitude DOUBLE,
    landmark VARCHAR(100),
    incident_type VARCHAR(32),
    people_affected INT NOT NULL,
    note VARCHAR(2000),
    disposition VARCHAR(16) NOT NULL,
    incident_id VARCHAR(32),
    repeat_nuisance BOOLEAN NOT NULL,
    operator VARCHAR(64)
);
CREATE INDEX fo_call_caller ON fo_call (caller_number, received_at);
CREATE INDEX fo_call_received ON fo_call (received_at);
CREATE INDEX fo_call_incident ON fo_call (incident_id);

-- One row per incident, with the time of each step it reached, in UTC.
CREATE TABLE fo_incident (
    incident_id VARCHAR(32) NOT NULL PRIMARY KEY,
    number BIGINT NOT NULL,
    incident_type VARCHAR(32) NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    landmark VARCHAR(100),
    people_affected INT NOT NULL,
    note VARCHAR(2000),
    call_count INT NOT NULL,
    call_received_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    dispatched_at TIMESTAMP,
    left_station_at TIMESTAMP,
    on_scene_at TIMESTAMP,
    left_scene_at TIMESTAMP,
    at_hospital_at TIMESTAMP,
    back_in_service_at TIMESTAMP,
    closed_at TIMESTAMP,
    closed_by VARCHAR(64),
    alert_raised_at TIMESTAMP
);
CREATE INDEX fo_incident_open ON fo_incident (closed_at);
CREATE INDEX fo_incident_received ON fo_incident (call_received_at);

-- One row per vehicle sent to an incident, with the time of each vehicle step.
CREATE TABLE fo_assignment (
    incident_id VARCHAR(32) NOT NULL,
    vehicle_id VARCHAR(64) NOT NULL,
    vehicle_type VARCHAR(32) NOT NULL,
    recommended_eta_s BIGINT,
    dispatched_by VARCHAR(64),
    dispatched_at TIMESTAMP NOT NULL,
    left_station_at TIMESTAMP,
    on_scene_at TIMESTAMP,
    left_scene_at TIMESTAMP,
    at_hospital_at TIMESTAMP,
    back_in_service_at TIMESTAMP,
    PRIMARY KEY (incident_id, vehicle_id)
);

-- Every step report with its source, including those that came after another source had set the step.
CREATE TABLE fo_step (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id CHAR(36) NOT NULL,
    incident_id VARCHAR(32) NOT NULL,
    vehicle_id VARCHAR(64),
    step VARCHAR(32) NOT NULL,
    step_time TIMESTAMP NOT NULL,
    source VARCHAR(16) NOT NULL,
    recorded_by VARCHAR(64),
    recorded_at TIMESTAMP NOT NULL,
    accepted BOOLEAN NOT NULL
);
CREATE INDEX fo_step_incident ON fo_step (incident_id, seq);
