-- Balint schema, version 2: each group's retention policy, kept on the group's row so that it
-- stays when the group's record is stored again and goes when the group is deleted.
--
-- A period is two columns, like an instant: whole seconds and nanoseconds (0-999999999) of a
-- java.time.Duration. NULL seconds mean "kept" (no period): contributions until deleted by hand,
-- case titles for good. A group whose four columns are NULL keeps everything.
-- One ADD COLUMN per statement: the one form H2, PostgreSQL and MariaDB all accept.

ALTER TABLE balint_group ADD COLUMN retain_contributions_s BIGINT;
ALTER TABLE balint_group ADD COLUMN retain_contributions_ns INT;
ALTER TABLE balint_group ADD COLUMN retain_titles_s BIGINT;
ALTER TABLE balint_group ADD COLUMN retain_titles_ns INT;
