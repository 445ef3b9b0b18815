-- Devices seen by this node and the vehicle each one is on.
CREATE TABLE device (
    device_id VARCHAR(64) NOT NULL PRIMARY KEY,
    protocol VARCHAR(32) NOT NULL,
    vehicle_id VARCHAR(64),
    first_seen TIMESTAMP NOT NULL,
    last_contact TIMESTAMP NOT NULL
);

-- Every position fix received, in UTC, WGS84 degrees and km/h.
CREATE TABLE position_fix (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    device_id VARCHAR(64) NOT NULL,
    vehicle_id VARCHAR(64),
    fix_time TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    altitude DOUBLE,
    speed_kmh DOUBLE,
    course DOUBLE,
    satellites INT,
    hdop DOUBLE,
    fix_valid BOOLEAN NOT NULL
);
CREATE INDEX position_fix_device ON position_fix (device_id, seq);
CREATE INDEX position_fix_vehicle ON position_fix (vehicle_id, seq);

-- Records waiting for HQ, written in the transaction of the record they carry.
CREATE TABLE outbox (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id CHAR(36) NOT NULL,
    record_type VARCHAR(32) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    payload CLOB NOT NULL
);
