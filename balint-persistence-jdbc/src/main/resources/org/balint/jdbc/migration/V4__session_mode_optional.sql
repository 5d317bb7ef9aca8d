-- Balint schema, version 4: a session's mode is kept as its record gives it. NULL means the record
-- did not say (balint/1: absent stays absent when written back; the session met in person).
-- Each database spells "drop NOT NULL" its own way (see Dialect).

ALTER TABLE balint_session ${session_mode_nullable};
