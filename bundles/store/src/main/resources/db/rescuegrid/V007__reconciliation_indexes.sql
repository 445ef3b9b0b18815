-- Reconciliation with HQ reads the event ids of one record type by the day their outbox record was
-- created, which is the time the node received the record. These indexes hold both columns, so that
-- a day of positions is read from the index alone.
CREATE INDEX position_fix_received ON position_fix (received_at, event_id);
CREATE INDEX device_event_received ON device_event (received_at, event_id);
