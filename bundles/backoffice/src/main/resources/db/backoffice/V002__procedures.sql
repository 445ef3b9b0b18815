-- Every procedure version the node has loaded, with its text: an incident keeps the version it started with
-- even after the file changes or disappears.
CREATE TABLE bo_sop_version (
    incident_type VARCHAR(32) NOT NULL,
    version INT NOT NULL,
    file_name VARCHAR(128) NOT NULL,
    checksum CHAR(64) NOT NULL,
    effective_from TIMESTAMP NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    content CLOB NOT NULL,
    PRIMARY KEY (incident_type, version)
);
-- The procedure version of each incident, fixed when the back office first evaluates it.
CREATE TABLE bo_incident_sop (
    incident_id VARCHAR(32) NOT NULL PRIMARY KEY,
    incident_type VARCHAR(32) NOT NULL,
    version INT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    final BOOLEAN NOT NULL,
    evaluated_at TIMESTAMP
);
