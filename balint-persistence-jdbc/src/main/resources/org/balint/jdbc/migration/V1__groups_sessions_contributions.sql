-- Balint schema, version 1: groups with their roster, sessions with who was present, consent,
-- cases and contributions, and the method's violations stored with them.
--
-- Portable across H2, PostgreSQL and MariaDB: keys are assigned by the program (no identity
-- columns); the placeholders are filled per database by org.balint.jdbc.Dialect:
--   ${text}           unbounded text (H2: CHARACTER VARYING, PostgreSQL: TEXT, MariaDB: MEDIUMTEXT)
--   ${id}             an id column, compared byte by byte (PostgreSQL: COLLATE "C")
--   ${table_options}  MariaDB: InnoDB, utf8mb4, binary collation; empty elsewhere
-- Generations: every row of a record carries the generation it was written in, and the group's
-- row names the current one. A record is replaced by inserting it under a new generation, then
-- pointing the group's row at it, then deleting the old generation, so that even a database that
-- persists part of an unfinished transaction when its process is killed shows a whole record.
-- Instants are two columns, seconds since 1970-01-01T00:00Z and nanoseconds (0-999999999), so
-- that every java.time.Instant survives a round trip exactly.

CREATE TABLE balint_group (
  group_id          ${id} NOT NULL,
  name              ${text} NOT NULL,
  extensions        ${text},
  record_extensions ${text},
  version           BIGINT NOT NULL,
  generation        BIGINT NOT NULL,
  CONSTRAINT balint_group_pk PRIMARY KEY (group_id)
) ${table_options};

CREATE TABLE balint_roster (
  group_id    ${id} NOT NULL,
  generation  BIGINT NOT NULL,
  seq         INT NOT NULL,
  person_id   ${id} NOT NULL,
  roster_role VARCHAR(16) NOT NULL,
  name        ${text} NOT NULL,
  profession  VARCHAR(32) NOT NULL,
  training    VARCHAR(32),
  extensions  ${text},
  CONSTRAINT balint_roster_pk PRIMARY KEY (group_id, generation, seq),
  CONSTRAINT balint_roster_person UNIQUE (group_id, generation, person_id),
  CONSTRAINT balint_roster_group_fk FOREIGN KEY (group_id) REFERENCES balint_group (group_id)
) ${table_options};

CREATE TABLE balint_session (
  group_id             ${id} NOT NULL,
  generation           BIGINT NOT NULL,
  session_id           ${id} NOT NULL,
  seq                  INT NOT NULL,
  start_s              BIGINT NOT NULL,
  start_ns             INT NOT NULL,
  end_s                BIGINT,
  end_ns               INT,
  session_mode         VARCHAR(16) NOT NULL,
  recording_purpose    VARCHAR(32),
  recording_extensions ${text},
  extensions           ${text},
  version              BIGINT NOT NULL,
  CONSTRAINT balint_session_pk PRIMARY KEY (group_id, generation, session_id),
  CONSTRAINT balint_session_group_fk FOREIGN KEY (group_id) REFERENCES balint_group (group_id)
) ${table_options};

CREATE INDEX balint_session_start ON balint_session (group_id, generation, start_s, start_ns);

CREATE TABLE balint_present (
  group_id   ${id} NOT NULL,
  generation BIGINT NOT NULL,
  session_id ${id} NOT NULL,
  seq        INT NOT NULL,
  person_id  ${id} NOT NULL,
  CONSTRAINT balint_present_pk PRIMARY KEY (group_id, generation, session_id, seq),
  CONSTRAINT balint_present_session_fk FOREIGN KEY (group_id, generation, session_id)
    REFERENCES balint_session (group_id, generation, session_id)
) ${table_options};

CREATE TABLE balint_consent (
  group_id   ${id} NOT NULL,
  generation BIGINT NOT NULL,
  session_id ${id} NOT NULL,
  seq        INT NOT NULL,
  person_id  ${id} NOT NULL,
  CONSTRAINT balint_consent_pk PRIMARY KEY (group_id, generation, session_id, seq),
  CONSTRAINT balint_consent_session_fk FOREIGN KEY (group_id, generation, session_id)
    REFERENCES balint_session (group_id, generation, session_id)
) ${table_options};

CREATE TABLE balint_case (
  group_id   ${id} NOT NULL,
  generation BIGINT NOT NULL,
  session_id ${id} NOT NULL,
  seq        INT NOT NULL,
  presenter  ${id} NOT NULL,
  title      ${text} NOT NULL,
  extensions ${text},
  CONSTRAINT balint_case_pk PRIMARY KEY (group_id, generation, session_id, seq),
  CONSTRAINT balint_case_session_fk FOREIGN KEY (group_id, generation, session_id)
    REFERENCES balint_session (group_id, generation, session_id)
) ${table_options};

CREATE TABLE balint_contribution (
  group_id   ${id} NOT NULL,
  generation BIGINT NOT NULL,
  session_id ${id} NOT NULL,
  seq        INT NOT NULL,
  at_s       BIGINT,
  at_ns      INT,
  speaker    ${id} NOT NULL,
  phase      VARCHAR(32) NOT NULL,
  content    ${text} NOT NULL,
  kind       VARCHAR(32),
  case_index INT NOT NULL,
  extensions ${text},
  CONSTRAINT balint_contribution_pk PRIMARY KEY (group_id, generation, session_id, seq),
  CONSTRAINT balint_contribution_session_fk FOREIGN KEY (group_id, generation, session_id)
    REFERENCES balint_session (group_id, generation, session_id)
) ${table_options};

CREATE TABLE balint_violation (
  group_id           ${id} NOT NULL,
  generation         BIGINT NOT NULL,
  seq                INT NOT NULL,
  session_id         ${id},
  contribution_index INT,
  rule_id            VARCHAR(200) NOT NULL,
  severity           VARCHAR(16) NOT NULL,
  message            ${text} NOT NULL,
  CONSTRAINT balint_violation_pk PRIMARY KEY (group_id, generation, seq),
  CONSTRAINT balint_violation_group_fk FOREIGN KEY (group_id) REFERENCES balint_group (group_id)
) ${table_options};

CREATE INDEX balint_violation_rule ON balint_violation (rule_id, group_id, generation, session_id);
