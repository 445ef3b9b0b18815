-- The province store's assessment of each fix (VALID, NO_FIX, FUTURE, IMPOSSIBLE_JUMP, HISTORY,
-- ROLLOVER_CORRECTED). NULL for records from provinces whose store did not assess fixes yet.
ALTER TABLE hq_position ADD COLUMN validity VARCHAR(24);
