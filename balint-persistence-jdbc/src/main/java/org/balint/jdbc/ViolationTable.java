package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.store.PageRequest;
import org.balint.store.SessionKey;

/**
 * The SQL of {@code balint_violation}, one row per violation stored with a group's record, in order
 * ({@code seq}): the rule, severity and message, and the session and contribution it is about where
 * it has them.
 */
final class ViolationTable {
  private static final Sql INSERT =
      Sql.insert(
          "balint_violation",
          "group_id",
          "generation",
          "seq",
          "session_id",
          "contribution_index",
          "rule_id",
          "severity",
          "message");
  private static final Sql SELECT =
      Sql.of(
          "SELECT session_id, contribution_index, rule_id, severity, message"
              + " FROM balint_violation WHERE group_id = :group_id AND generation = :generation"
              + " ORDER BY seq");

  /** The stored sessions, of every group's current generation, that broke a rule. */
  private static final String VIOLATED =
      " FROM balint_session s JOIN balint_group g ON g.group_id = s.group_id"
          + " AND g.generation = s.generation"
          + " WHERE EXISTS (SELECT 1 FROM balint_violation v WHERE v.group_id = s.group_id"
          + " AND v.generation = s.generation AND v.session_id = s.session_id"
          + " AND v.rule_id = :rule_id)";

  private static final Sql COUNT_VIOLATED = Sql.of("SELECT COUNT(*) AS total" + VIOLATED);
  private static final Sql PAGE_VIOLATED =
      Sql.of(
          "SELECT s.group_id, s.session_id"
              + VIOLATED
              + " ORDER BY s.group_id, s.start_s, s.start_ns, s.session_id"
              + " LIMIT :limit OFFSET :offset");

  private ViolationTable() {}

  /**
   * Inserts a record's violations, in one batch.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param violations the violations, in order
   * @throws SQLException if the database refuses one
   */
  static void insert(
      Connection connection, String groupId, long generation, List<Violation> violations)
      throws SQLException {
    try (Sql.Bound rows = INSERT.prepare(connection)) {
      int seq = 0;
      for (Violation violation : violations) {
        rows.generation(groupId, generation)
            .number("seq", seq++)
            .text("session_id", violation.sessionId())
            .number("contribution_index", violation.contributionIndex())
            .text("rule_id", violation.ruleId())
            .text("severity", violation.severity().name())
            .text("message", violation.message())
            .add();
      }
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
  static ImmutableList<Violation> read(Connection connection, String groupId, long generation)
      throws SQLException {
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    try (Sql.Bound select = SELECT.prepare(connection)) {
      select
          .generation(groupId, generation)
          .forEach(
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
    }
    return violations.build();
  }

  /**
   * Counts the stored sessions that broke a rule.
   *
   * @param connection the connection
   * @param ruleId the rule's id
   * @return the number of sessions
   * @throws SQLException if the query fails
   */
  static long countViolated(Connection connection, String ruleId) throws SQLException {
    try (Sql.Bound select = COUNT_VIOLATED.prepare(connection)) {
      return select.text("rule_id", ruleId).first(row -> row.getLong("total")).orElseThrow();
    }
  }

  /**
   * Reads a page of the stored sessions that broke a rule, by group, then start.
   *
   * @param connection the connection
   * @param ruleId the rule's id
   * @param page the page
   * @return the sessions' keys
   * @throws SQLException if the query fails
   */
  static ImmutableList<SessionKey> violated(Connection connection, String ruleId, PageRequest page)
      throws SQLException {
    ImmutableList.Builder<SessionKey> keys = ImmutableList.builder();
    try (Sql.Bound select = PAGE_VIOLATED.prepare(connection)) {
      select
          .text("rule_id", ruleId)
          .number("limit", page.size())
          .number("offset", page.offset())
          .forEach(
              row ->
                  keys.add(SessionKey.of(row.getString("group_id"), row.getString("session_id"))));
    }
    return keys.build();
  }
}
