-- Technical assistance given during a case: who gave which guidance to the caller or a crew, and when.
CREATE TABLE fo_assistance (
    assistance_id CHAR(36) NOT NULL PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    incident_id VARCHAR(32) NOT NULL,
    given_at TIMESTAMP NOT NULL,
    given_by VARCHAR(100) NOT NULL,
    given_to VARCHAR(16) NOT NULL,
    vehicle_id VARCHAR(64),
    kind VARCHAR(32) NOT NULL,
    text VARCHAR(2000) NOT NULL,
    recorded_by VARCHAR(64),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX fo_assistance_incident ON fo_assistance (incident_id, given_at);

-- The outcome a supervisor records when closing an incident; HQ adds these up per month.
CREATE TABLE fo_outcome (
    incident_id VARCHAR(32) NOT NULL PRIMARY KEY,
    people_rescued INT NOT NULL,
    first_aid_on_scene INT NOT NULL,
    taken_to_hospital INT NOT NULL,
    deaths_on_scene INT NOT NULL,
    recorded_by VARCHAR(64),
    recorded_at TIMESTAMP NOT NULL
);
