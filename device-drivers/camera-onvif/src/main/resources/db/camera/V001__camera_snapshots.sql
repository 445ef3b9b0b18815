-- Snapshots taken from ONVIF cameras, with the camera, the time and the incident they belong to.
CREATE TABLE camera_snapshot (
    snapshot_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id VARCHAR(64) NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    profile_token VARCHAR(64) NOT NULL,
    content_type VARCHAR(64) NOT NULL,
    size_bytes INTEGER NOT NULL,
    image BLOB(16M) NOT NULL,
    incident_id VARCHAR(64)
);
CREATE INDEX camera_snapshot_camera ON camera_snapshot (camera_id, taken_at);
CREATE INDEX camera_snapshot_incident ON camera_snapshot (incident_id);
