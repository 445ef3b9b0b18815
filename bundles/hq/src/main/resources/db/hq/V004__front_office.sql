-- Calls of all provinces, for the KPIs HQ computes itself. Caller numbers arrive masked and are not kept here.
CREATE TABLE hq_call (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    call_id VARCHAR(32) NOT NULL,
    received_at TIMESTAMP NOT NULL,
    disposition VARCHAR(16) NOT NULL,
    incident_type VARCHAR(32),
    incident_id VARCHAR(32),
    district VARCHAR(64) NOT NULL
);
CREATE UNIQUE INDEX hq_call_id ON hq_call (province, call_id);
CREATE INDEX hq_call_received ON hq_call (province, district, received_at);

-- Incidents of all provinces with the time of each step as the province last reported it.
CREATE TABLE hq_incident (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    incident_id VARCHAR(32) NOT NULL,
    incident_type VARCHAR(32) NOT NULL,
    district VARCHAR(64) NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    call_received_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    dispatched_at TIMESTAMP,
    left_station_at TIMESTAMP,
    on_scene_at TIMESTAMP,
    left_scene_at TIMESTAMP,
    at_hospital_at TIMESTAMP,
    back_in_service_at TIMESTAMP,
    closed_at TIMESTAMP
);
CREATE UNIQUE INDEX hq_incident_id ON hq_incident (province, incident_id);
CREATE INDEX hq_incident_received ON hq_incident (province, district, call_received_at);

-- Driving events of all provinces, attributed to driver and shift by the province.
CREATE TABLE hq_driver_event (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    vehicle_id VARCHAR(64) NOT NULL,
    vehicle_type VARCHAR(32) NOT NULL,
    driver_id VARCHAR(64),
    event_type VARCHAR(32) NOT NULL,
    event_time TIMESTAMP NOT NULL,
    speed_kmh DOUBLE,
    limit_kmh DOUBLE,
    event_value DOUBLE,
    from_tracker BOOLEAN NOT NULL,
    shift VARCHAR(32) NOT NULL,
    shift_day DATE NOT NULL
);
CREATE INDEX hq_driver_event_shift ON hq_driver_event (province, shift_day, shift);
