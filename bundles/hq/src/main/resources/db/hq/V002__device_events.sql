-- Device events of all provinces in columns, for the dashboard and reports.
CREATE TABLE hq_device_event (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    vehicle_id VARCHAR(64),
    event_type VARCHAR(64) NOT NULL,
    event_time TIMESTAMP NOT NULL
);
CREATE INDEX hq_device_event_type ON hq_device_event (province, event_type, event_time);
