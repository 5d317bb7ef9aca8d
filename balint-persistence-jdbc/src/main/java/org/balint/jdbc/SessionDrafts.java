package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.store.StorageException;
import org.balint.store.Versioned;

/**
 * Sessions being read: the rows of {@code balint_session} that a query selected, to which each
 * table that hangs off a session adds its rows ({@link #readChildren}) before they are built.
 */
final class SessionDrafts {
  private final String groupId;
  private final long generation;
  private final boolean everySession;
  private final Map<String, Draft> drafts = new LinkedHashMap<>();

  /**
   * Starts reading sessions of one generation of a group.
   *
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @param everySession whether the query selects every session of the generation, so that the
   *     child rows need no filter by session
   */
  SessionDrafts(String groupId, long generation, boolean everySession) {
    this.groupId = groupId;
    this.generation = generation;
    this.everySession = everySession;
  }

  /** One session's row and the rows that hang off it, gathered before the session is built. */
  static final class Draft {
    final Session.Builder session = Session.builder();
    final long version;
    Optional<RecordingPurpose> purpose = Optional.empty();
    Optional<Extensions> recordingExtensions = Optional.empty();
    final List<String> consent = new ArrayList<>();

    private Draft(long version) {
      this.version = version;
    }

    private Versioned<Session> build() {
      purpose.ifPresent(
          p ->
              session.recording(
                  Recording.builder()
                      .purpose(p)
                      .consent(consent)
                      .extensions(recordingExtensions)
                      .build()));
      return Versioned.of(session.build(), version);
    }
  }

  /** Adds one child row to its session's draft. */
  @FunctionalInterface
  interface ChildReader {
    /**
     * Reads the current row into the draft of its session.
     *
     * @param draft the session's draft
     * @param row the result set, on the row
     * @throws SQLException if reading fails
     */
    void read(Draft draft, ResultSet row) throws SQLException;
  }

  /**
   * Adds a session read from its row.
   *
   * @param sessionId the session's id
   * @param version its version
   * @return its draft, to fill from the row
   */
  Draft add(String sessionId, long version) {
    Draft draft = new Draft(version);
    drafts.put(sessionId, draft);
    return draft;
  }

  /**
   * Reads the rows of a table that hangs off sessions into the drafts, in {@code seq} order.
   *
   * @param connection the connection
   * @param select {@code SELECT session_id, ... FROM table}, without a condition
   * @param reader what each row adds to its session
   * @throws SQLException if the query fails
   */
  void readChildren(Connection connection, String select, ChildReader reader) throws SQLException {
    if (drafts.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(select)
            .append(" WHERE group_id = :group_id AND generation = :generation");
    List<String> ids = everySession ? List.of() : new ArrayList<>(drafts.keySet());
    if (!ids.isEmpty()) {
      sql.append(" AND session_id IN (");
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? ":session_" : ", :session_").append(i);
      }
      sql.append(')');
    }
    sql.append(" ORDER BY session_id, seq");
    try (Sql.Bound query = Sql.of(sql.toString()).prepare(connection)) {
      query.generation(groupId, generation);
      for (int i = 0; i < ids.size(); i++) {
        query.text("session_" + i, ids.get(i));
      }
      query.forEach(
          row -> {
            Draft draft = drafts.get(row.getString("session_id"));
            if (draft != null) {
              reader.read(draft, row);
            }
          });
    }
  }

  /**
   * Builds the sessions.
   *
   * @return the sessions with their versions, in the order their rows were read
   * @throws StorageException if the rows do not make valid sessions
   */
  ImmutableList<Versioned<Session>> build() {
    try {
      return drafts.values().stream().map(Draft::build).collect(ImmutableList.toImmutableList());
    } catch (IllegalArgumentException | IllegalStateException damaged) {
      throw RecordReader.damaged(groupId, damaged);
    }
  }
}
