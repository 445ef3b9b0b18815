-- The store's assessment of each fix (org.rescuegrid.api.position.FixValidity). Fixes stored before
-- this migration were not assessed: those the receiver called valid become VALID, the others NO_FIX.
ALTER TABLE position_fix ADD COLUMN validity VARCHAR(24) NOT NULL DEFAULT 'VALID';
UPDATE position_fix SET validity = 'NO_FIX' WHERE fix_valid = FALSE;
CREATE INDEX position_fix_device_validity ON position_fix (device_id, validity, fix_time);
