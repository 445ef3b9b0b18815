-- Two events of one device, type and time are the same event only when their details match too: a radio
-- gateway reports several changes of one radio with one timestamp. The store compares the details, and
-- this index only speeds up the lookup.
DROP INDEX device_event_device_type_time;
CREATE INDEX device_event_device_type_time ON device_event (device_id, event_type, event_time);
