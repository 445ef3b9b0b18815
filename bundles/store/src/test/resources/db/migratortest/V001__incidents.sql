-- Incidents, with one row so that a second run of this script would fail on the primary key.
CREATE TABLE incident (
    id INT NOT NULL PRIMARY KEY,
    kind VARCHAR(32) NOT NULL
);
INSERT INTO incident (id, kind) VALUES (1, 'flood');
