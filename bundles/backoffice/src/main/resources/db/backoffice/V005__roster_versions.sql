-- Every roster the node has used, with when it took over, so events are attributed to who was on duty then.
CREATE TABLE bo_roster_version (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at TIMESTAMP NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    staff_text CLOB NOT NULL,
    shifts_text CLOB NOT NULL,
    rota_text CLOB NOT NULL
);
CREATE INDEX bo_roster_version_loaded ON bo_roster_version (loaded_at);
