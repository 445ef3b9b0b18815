-- One row per scenario the demo component started on this node, so a restart does not play it again.
CREATE TABLE demo_run (
    scenario VARCHAR(200) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    outcome VARCHAR(500)
);
