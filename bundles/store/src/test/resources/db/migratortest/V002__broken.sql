-- The first two statements succeed and must be rolled back when the third fails.
CREATE TABLE unit (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO incident (id, kind) VALUES (2, 'fire');
INSERT INTO no_such_table (id) VALUES (1);
