-- Outcome of each closed incident as its crews reported it: the people figures of the monthly reports.
-- No foreign key to hq_incident: the report joins the two when it reads, whatever order they arrived in.
CREATE TABLE hq_outcome (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    province VARCHAR(32) NOT NULL,
    incident_id VARCHAR(32) NOT NULL,
    people_rescued INTEGER NOT NULL,
    first_aid_on_scene INTEGER NOT NULL,
    taken_to_hospital INTEGER NOT NULL,
    deaths_on_scene INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX hq_outcome_incident ON hq_outcome (province, incident_id);
