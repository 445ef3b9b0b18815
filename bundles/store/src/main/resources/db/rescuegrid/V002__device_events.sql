-- Events devices report besides positions: ignition, panic button, radio status, camera motion.
CREATE TABLE device_event (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    device_id VARCHAR(64) NOT NULL,
    vehicle_id VARCHAR(64),
    event_type VARCHAR(64) NOT NULL,
    event_time TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    attributes CLOB NOT NULL
);
CREATE INDEX device_event_device ON device_event (device_id, seq);
CREATE INDEX device_event_vehicle ON device_event (vehicle_id, seq);
CREATE INDEX device_event_type ON device_event (event_type, seq);
