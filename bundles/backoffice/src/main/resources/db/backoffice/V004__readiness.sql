-- Start-of-shift readiness checks of vehicles; the latest check of a vehicle decides whether it is in service.
CREATE TABLE bo_readiness (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vehicle_id VARCHAR(32) NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    staff_id VARCHAR(32),
    passed BOOLEAN NOT NULL,
    failed_items VARCHAR(1000),
    note VARCHAR(1000),
    recorded_by VARCHAR(128) NOT NULL
);
CREATE INDEX bo_readiness_vehicle ON bo_readiness (vehicle_id, checked_at);
