-- The driver currently assigned to each vehicle, until the back office keeps a roster.
CREATE TABLE drv_assignment (
    vehicle_id VARCHAR(64) NOT NULL PRIMARY KEY,
    driver_id VARCHAR(64) NOT NULL,
    assigned_at TIMESTAMP NOT NULL,
    assigned_by VARCHAR(64)
);

-- Every driving event with the driver and the shift it was attributed to. Times in UTC, shift_day in the KPI time zone.
CREATE TABLE drv_event (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
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
    shift_day DATE NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX drv_event_time ON drv_event (event_time);
CREATE INDEX drv_event_shift ON drv_event (shift_day, shift);
