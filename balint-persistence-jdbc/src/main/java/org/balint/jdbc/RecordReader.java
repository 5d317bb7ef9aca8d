package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.balint.store.StorageException;
import org.balint.store.Versioned;

/**
 * Reads rows back into groups and sessions. Rows that no longer make a valid domain object (a
 * database changed by hand) are reported as a {@link StorageException} naming the group.
 */
final class RecordReader {
  private RecordReader() {}

  /**
   * A group's row with its roster: the group, the record's extensions, the version, and the
   * generation of the record's rows.
   */
  static final class GroupRow {
    final Group group;
    final Optional<Extensions> recordExtensions;
    final long version;
    final long generation;

    GroupRow(Group group, Optional<Extensions> recordExtensions, long version, long generation) {
      this.group = group;
      this.recordExtensions = recordExtensions;
      this.version = version;
      this.generation = generation;
    }
  }

  /** Which sessions of a group to read: a condition on {@code balint_session} and its order. */
  static final class SessionQuery {
    final String conditionAndOrder;
    final List<Object> parameters;
    final boolean everySession;

    private SessionQuery(String conditionAndOrder, List<Object> parameters, boolean everySession) {
      this.conditionAndOrder = conditionAndOrder;
      this.parameters = parameters;
      this.everySession = everySession;
    }

    /** Every session of the group, in the record's order. */
    static SessionQuery all() {
      return new SessionQuery(" ORDER BY seq", List.of(), true);
    }

    /** One session by id. */
    static SessionQuery one(String sessionId) {
      return new SessionQuery(" AND session_id = ?", List.of(sessionId), false);
    }

    /** Sessions selected by a condition, in an order. */
    static SessionQuery where(String conditionAndOrder, List<Object> parameters) {
      return new SessionQuery(conditionAndOrder, parameters, false);
    }
  }

  /**
   * Reads the generation of a group's stored record.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @return the generation, or empty if no record of the group is stored
   * @throws SQLException if the query fails
   */
  static OptionalLong generation(Connection connection, String groupId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT generation FROM balint_group WHERE group_id = ? AND generation > 0")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * Reads a group's row and roster.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @return the group row, or empty if it is not stored
   * @throws SQLException if a query fails
   */
  static Optional<GroupRow> group(Connection connection, String groupId) throws SQLException {
    Group.Builder group = Group.builder().id(groupId);
    Optional<Extensions> recordExtensions;
    long version;
    long generation;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT name, extensions, record_extensions, version, generation FROM balint_group"
                + " WHERE group_id = ? AND generation > 0")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        group.name(row.getString("name")).extensions(Columns.extensions(row, "extensions"));
        recordExtensions = Columns.extensions(row, "record_extensions");
        version = row.getLong("version");
        generation = row.getLong("generation");
      }
    }
    try {
      forEachRow(
        connection,
        "SELECT person_id, roster_role, name, profession, training, extensions, joined_day,"
            + " left_day"
            + " FROM balint_roster WHERE group_id = ? AND generation = ? ORDER BY seq",
        List.of(groupId, generation),
        row -> {
          String id = row.getString("person_id");
          String name = row.getString("name");
          Profession profession = Profession.valueOf(row.getString("profession"));
          Optional<Extensions> extensions = Columns.extensions(row, "extensions");
          Optional<LocalDate> joined = Columns.day(row, "joined_day");
          Optional<LocalDate> left = Columns.day(row, "left_day");
          if ("LEADER".equals(row.getString("roster_role"))) {
            group.addLeader(
                Leader.builder()
                    .id(id)
                    .name(name)
                    .profession(profession)
                    .training(LeaderTraining.valueOf(row.getString("training")))
                    .joined(joined)
                    .left(left)
                    .extensions(extensions)
                    .build());
          } else {
            group.addMember(
                Member.builder()
                    .id(id)
                    .name(name)
                    .profession(profession)
                    .joined(joined)
                    .left(left)
                    .extensions(extensions)
                    .build());
          }
        });
      return Optional.of(new GroupRow(group.build(), recordExtensions, version, generation));
    } catch (IllegalArgumentException | IllegalStateException damaged) {
      throw damaged(groupId, damaged);
    }
  }

  private static StorageException damaged(String groupId, RuntimeException cause) {
    return new StorageException(
        "the stored rows of group " + groupId + " do not make a valid record: " + cause.getMessage(),
        cause);
  }

  /** A session's row and the rows that hang off it, gathered before the session is built. */
  private static final class SessionRows {
    final Session.Builder session = Session.builder();
    final long version;
    Optional<RecordingPurpose> purpose = Optional.empty();
    Optional<Extensions> recordingExtensions = Optional.empty();
    final List<String> consent = new ArrayList<>();

    SessionRows(long version) {
      this.version = version;
    }

    Versioned<Session> build() {
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

  /**
   * Reads sessions of a group with everything that hangs off them.
   *
   * @param connection the connection, in a transaction that sees one snapshot
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @param query which sessions, in which order
   * @return the sessions with their versions, in the query's order
   * @throws SQLException if a query fails
   */
  static ImmutableList<Versioned<Session>> sessions(
      Connection connection, String groupId, long generation, SessionQuery query)
      throws SQLException {
    Map<String, SessionRows> sessions = new LinkedHashMap<>();
    List<Object> parameters = new ArrayList<>(List.of(groupId, generation));
    parameters.addAll(query.parameters);
    forEachRow(
        connection,
        "SELECT session_id, start_s, start_ns, end_s, end_ns, session_mode, recording_purpose,"
            + " recording_extensions, extensions, version FROM balint_session"
            + " WHERE group_id = ? AND generation = ?"
            + query.conditionAndOrder,
        parameters,
        row -> {
          SessionRows rows = new SessionRows(row.getLong("version"));
          String id = row.getString("session_id");
          rows.session
              .id(id)
              .start(Columns.instant(row, "start").orElseThrow())
              .end(Columns.instant(row, "end"))
              .mode(Optional.ofNullable(row.getString("session_mode")).map(SessionMode::valueOf))
              .extensions(Columns.extensions(row, "extensions"));
          rows.purpose = Columns.enumValue(row, "recording_purpose", RecordingPurpose.class);
          rows.recordingExtensions = Columns.extensions(row, "recording_extensions");
          sessions.put(id, rows);
        });
    if (sessions.isEmpty()) {
      return ImmutableList.of();
    }
    readChildren(connection, groupId, generation, query, sessions);
    try {
      return sessions.values().stream()
          .map(SessionRows::build)
          .collect(ImmutableList.toImmutableList());
    } catch (IllegalArgumentException | IllegalStateException damaged) {
      throw damaged(groupId, damaged);
    }
  }

  private static void readChildren(
      Connection connection,
      String groupId,
      long generation,
      SessionQuery query,
      Map<String, SessionRows> sessions)
      throws SQLException {
    String which;
    List<Object> ids;
    if (query.everySession) {
      which = "";
      ids = List.of();
    } else {
      which = " AND session_id IN (" + String.join(", ", Collections.nCopies(sessions.size(), "?")) + ")";
      ids = new ArrayList<>(sessions.keySet());
    }
    String tail = " WHERE group_id = ? AND generation = ?" + which + " ORDER BY session_id, seq";
    Map<String, ResultSetConsumer> tables = new HashMap<>();
    tables.put(
        "SELECT session_id, person_id FROM balint_present" + tail,
        (rows, row) -> rows.session.addPresent(row.getString("person_id")));
    tables.put(
        "SELECT session_id, person_id FROM balint_consent" + tail,
        (rows, row) -> rows.consent.add(row.getString("person_id")));
    tables.put(
        "SELECT session_id, presenter, title, extensions FROM balint_case" + tail,
        (rows, row) ->
            rows.session.addCase(
                Case.builder()
                    .presenter(row.getString("presenter"))
                    .title(row.getString("title"))
                    .extensions(Columns.extensions(row, "extensions"))
                    .build()));
    tables.put(
        "SELECT session_id, at_s, at_ns, speaker, phase, content, kind, case_index, extensions"
            + " FROM balint_contribution"
            + tail,
        (rows, row) ->
            rows.session.addContribution(
                Contribution.builder()
                    .at(Columns.instant(row, "at"))
                    .speaker(row.getString("speaker"))
                    .phase(Phase.valueOf(row.getString("phase")))
                    .text(row.getString("content"))
                    .kind(Columns.enumValue(row, "kind", ContributionKind.class))
                    .caseIndex(row.getInt("case_index"))
                    .extensions(Columns.extensions(row, "extensions"))
                    .build()));
    List<Object> parameters = new ArrayList<>(List.of(groupId, generation));
    parameters.addAll(ids);
    for (Map.Entry<String, ResultSetConsumer> table : tables.entrySet()) {
      forEachRow(
          connection,
          table.getKey(),
          parameters,
          row -> {
            SessionRows rows = sessions.get(row.getString("session_id"));
            if (rows != null) {
              table.getValue().accept(rows, row);
            }
          });
    }
  }

  /**
   * Reads the violations stored with a group's record, in order.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @return the violations
   * @throws SQLException if the query fails
   */
  static ImmutableList<Violation> violations(Connection connection, String groupId, long generation)
      throws SQLException {
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    forEachRow(
        connection,
        "SELECT session_id, contribution_index, rule_id, severity, message"
            + " FROM balint_violation WHERE group_id = ? AND generation = ? ORDER BY seq",
        List.of(groupId, generation),
        row -> {
          Violation.Builder violation =
              Violation.builder()
                  .groupId(groupId)
                  .sessionId(Columns.text(row, "session_id"))
                  .ruleId(row.getString("rule_id"))
                  .severity(Severity.valueOf(row.getString("severity")))
                  .message(row.getString("message"));
          int index = row.getInt("contribution_index");
          if (!row.wasNull()) {
            violation.contributionIndex(index);
          }
          violations.add(violation.build());
        });
    return violations.build();
  }

  /** Adds one child row to its session's rows. */
  @FunctionalInterface
  private interface ResultSetConsumer {
    void accept(SessionRows rows, ResultSet row) throws SQLException;
  }

  /** Reads one row of a query's result; it does not advance the result set. */
  @FunctionalInterface
  interface RowReader {
    /**
     * Reads the current row.
     *
     * @param row the result set, on the row to read
     * @throws SQLException if reading fails
     */
    void read(ResultSet row) throws SQLException;
  }

  /**
   * Runs a query and hands each row of its result to a reader.
   *
   * @param connection the connection
   * @param sql the query
   * @param parameters its parameters, in order: strings, longs or integers
   * @param reader what to do with each row
   * @throws SQLException if the query or the reader fails
   */
  static void forEachRow(
      Connection connection, String sql, List<Object> parameters, RowReader reader)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, 1, parameters);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          reader.read(row);
        }
      }
    }
  }

  /**
   * Binds parameters in order.
   *
   * @param statement the statement
   * @param first the index of the first parameter
   * @param parameters the values: strings, longs or integers
   * @throws SQLException if binding fails
   */
  static void bind(PreparedStatement statement, int first, List<Object> parameters)
      throws SQLException {
    int index = first;
    for (Object parameter : parameters) {
      statement.setObject(index++, parameter);
    }
  }
}
