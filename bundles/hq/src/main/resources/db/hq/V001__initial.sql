-- Every record any province uploaded, once per event id whatever the number of deliveries.
CREATE TABLE hq_record (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    payload CLOB NOT NULL
);
CREATE INDEX hq_record_province ON hq_record (province, received_at);

-- Position records of all provinces in columns, for the map and reports.
CREATE TABLE hq_position (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    vehicle_id VARCHAR(64),
    fix_time TIMESTAMP NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    speed_kmh DOUBLE,
    fix_valid BOOLEAN NOT NULL
);
CREATE INDEX hq_position_vehicle ON hq_position (province, vehicle_id, fix_time);
