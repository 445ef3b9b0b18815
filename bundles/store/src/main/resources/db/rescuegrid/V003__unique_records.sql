-- A tracker that loses its connection before the acknowledgement sends the same records again. The
-- node keeps one position per device and fix time, and one event per device, type and event time.
-- Copies stored before this migration are removed, and the first of each is kept.
DELETE FROM position_fix WHERE seq NOT IN (SELECT MIN(seq) FROM position_fix GROUP BY device_id, fix_time);
CREATE UNIQUE INDEX position_fix_device_time ON position_fix (device_id, fix_time);
DELETE FROM device_event WHERE seq NOT IN (SELECT MIN(seq) FROM device_event GROUP BY device_id, event_type, event_time);
CREATE UNIQUE INDEX device_event_device_type_time ON device_event (device_id, event_type, event_time);
