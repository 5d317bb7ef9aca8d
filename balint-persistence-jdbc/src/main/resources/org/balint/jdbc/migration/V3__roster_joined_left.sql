-- Balint schema, version 3: the days people joined and left their group (balint/1 "joined" and
-- "left" on leaders and members). Someone who has left stays on the roster.
--
-- A day is stored as the number of days since 1970-01-01 (java.time.LocalDate.toEpochDay), like
-- instants are stored as numbers: the same on every database and for every LocalDate. NULL means
-- the date is not known (joined) or the person has not left (left).
-- One ADD COLUMN per statement: the one form H2, PostgreSQL and MariaDB all accept.

ALTER TABLE balint_roster ADD COLUMN joined_day BIGINT;
ALTER TABLE balint_roster ADD COLUMN left_day BIGINT;
