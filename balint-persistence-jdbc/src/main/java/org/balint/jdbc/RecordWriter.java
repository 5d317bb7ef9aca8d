package org.balint.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * Writes a group's record as rows, always inside a transaction that has locked the group's row
 * first ({@link GroupTable#lock}).
 *
 * <p>A record is written whole under a new generation and the group's row pointed at it last (see
 * {@link #writeRecord}); only an appended contribution is added to the current generation.
 */
final class RecordWriter {
  /** The tables of a record's rows, children before parents. */
  private static final List<String> RECORD_TABLES =
      List.of(
          "balint_contribution",
          "balint_case",
          "balint_consent",
          "balint_present",
          "balint_violation",
          "balint_session",
          "balint_roster");

  private RecordWriter() {}

  /**
   * Writes a whole record under a new generation: the new rows first, then the group's row pointed
   * at them, then the old generation's rows deleted. Until the group's row changes, readers see the
   * old record whole; after, the new one.
   *
   * @param connection the connection, in a transaction that has locked the group's row
   * @param locked the locked row, or empty if the group has none yet
   * @param record the record
   * @param violations the violations stored with it, in order
   * @param version the group's new version
   * @param sessionVersions each session's version by id (1 where missing)
   * @throws SQLException if the database refuses a row
   */
  static void writeRecord(
      Connection connection,
      Optional<GroupTable.Locked> locked,
      GroupRecord record,
      List<Violation> violations,
      long version,
      Map<String, Long> sessionVersions)
      throws SQLException {
    String groupId = record.group().id();
    if (locked.isEmpty()) {
      GroupTable.insert(connection, groupId, record.group().name());
    }
    long generation = locked.map(l -> l.generation).orElse(0L) + 1;
    RosterTable.insert(connection, record.group(), generation);
    SessionTable.insert(connection, groupId, generation, record.sessions(), sessionVersions);
    for (SessionPeopleTable people : SessionPeopleTable.values()) {
      people.insert(connection, groupId, generation, record.sessions());
    }
    CaseTable.insert(connection, groupId, generation, record.sessions());
    ContributionTable.insert(connection, groupId, generation, record.sessions());
    ViolationTable.insert(connection, groupId, generation, violations);
    GroupTable.point(connection, record, version, generation);
    deleteRows(connection, groupId, OptionalLong.of(generation));
  }

  /**
   * Deletes a group's rows in every table but its own row, except those of one generation.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param keep the generation to keep, or empty to delete them all
   * @throws SQLException if a statement fails
   */
  static void deleteRows(Connection connection, String groupId, OptionalLong keep)
      throws SQLException {
    for (String table : RECORD_TABLES) {
      Sql delete =
          Sql.of(
              "DELETE FROM "
                  + table
                  + " WHERE group_id = :group_id"
                  + (keep.isPresent() ? " AND generation <> :generation" : ""));
      try (Sql.Bound statement = delete.prepare(connection)) {
        statement.text("group_id", groupId);
        if (keep.isPresent()) {
          statement.number("generation", keep.getAsLong());
        }
        statement.update();
      }
    }
  }

  /** Binds what one item of a session puts in its row, beyond the row's key. */
  @FunctionalInterface
  interface ItemBinder<T> {
    /**
     * Binds an item's values.
     *
     * @param row the statement, its key bound
     * @param item the item
     * @throws SQLException if binding fails
     */
    void bind(Sql.Bound row, T item) throws SQLException;
  }

  /**
   * Inserts the items of sessions into a table that hangs off sessions, one row per item keyed by
   * {@code group_id, generation, session_id, seq} (the item's position in its session), in one
   * batch.
   *
   * @param connection the connection
   * @param insert the table's INSERT
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param sessions the sessions
   * @param items a session's items, in order
   * @param binder binds an item's other columns
   * @param <T> the items' type
   * @throws SQLException if the database refuses a row
   */
  static <T> void insertPerSession(
      Connection connection,
      Sql insert,
      String groupId,
      long generation,
      List<Session> sessions,
      Function<Session, ? extends List<T>> items,
      ItemBinder<T> binder)
      throws SQLException {
    try (Sql.Bound rows = insert.prepare(connection)) {
      for (Session session : sessions) {
        int seq = 0;
        for (T item : items.apply(session)) {
          binder.bind(
              rows.generation(groupId, generation)
                  .text("session_id", session.id())
                  .number("seq", seq++),
              item);
          rows.add();
        }
      }
    }
  }
}
