package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.balint.session.Recording;
import org.balint.session.Session;

/**
 * The SQL of the two tables that list people of a session, one row per person in the session's
 * order ({@code seq}): {@code balint_present} (who was present) and {@code balint_consent} (who
 * consented to the recording).
 */
enum SessionPeopleTable {
  /** {@code balint_present}: a session's {@code present}. */
  PRESENT("balint_present") {
    @Override
    List<String> people(Session session) {
      return session.present();
    }

    @Override
    void add(SessionDrafts.Draft draft, String personId) {
      draft.session.addPresent(personId);
    }
  },
  /** {@code balint_consent}: the {@code consent} of a session's recording. */
  CONSENT("balint_consent") {
    @Override
    List<String> people(Session session) {
      return session.recording().map(Recording::consent).orElse(ImmutableList.of());
    }

    @Override
    void add(SessionDrafts.Draft draft, String personId) {
      draft.consent.add(personId);
    }
  };

  private final String table;
  private final Sql insert;

  SessionPeopleTable(String table) {
    this.table = table;
    this.insert = Sql.insert(table, "group_id", "generation", "session_id", "seq", "person_id");
  }

  /** The people this table lists for a session, in order. */
  abstract List<String> people(Session session);

  /** Adds a person read back to a session's draft. */
  abstract void add(SessionDrafts.Draft draft, String personId);

  /**
   * Inserts the rows of sessions, in one batch.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param sessions the sessions
   * @throws SQLException if the database refuses a row
   */
  void insert(Connection connection, String groupId, long generation, List<Session> sessions)
      throws SQLException {
    RecordWriter.insertPerSession(
        connection,
        insert,
        groupId,
        generation,
        sessions,
        this::people,
        (row, person) -> row.text("person_id", person));
  }

  /**
   * Reads the rows of the sessions being read into their drafts.
   *
   * @param connection the connection
   * @param drafts the sessions being read
   * @throws SQLException if the query fails
   */
  void read(Connection connection, SessionDrafts drafts) throws SQLException {
    drafts.readChildren(
        connection,
        "SELECT session_id, person_id FROM " + table,
        (draft, row) -> add(draft, row.getString("person_id")));
  }
}
