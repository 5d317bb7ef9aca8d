package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.Extensions;
import org.balint.privacy.RetentionPolicy;
import org.balint.session.GroupRecord;
import org.balint.store.NotStoredException;
import org.balint.store.Versioned;

/**
 * The SQL of {@code balint_group}, one row per group: its name and extensions, the record's
 * extensions, the group's version, the generation of the record's rows in the other tables (0 for a
 * row whose record was never written) and the retention policy, kept across re-imports.
 */
final class GroupTable {
  private static final Sql LOCK =
      Sql.of("SELECT version, generation FROM balint_group WHERE group_id = :group_id FOR UPDATE");
  private static final Sql INSERT =
      Sql.of(
          "INSERT INTO balint_group (group_id, name, version, generation)"
              + " VALUES (:group_id, :name, 0, 0)");
  private static final Sql POINT =
      Sql.of(
          "UPDATE balint_group SET name = :name, extensions = :extensions,"
              + " record_extensions = :record_extensions, version = :version,"
              + " generation = :generation WHERE group_id = :group_id");
  private static final Sql SET_VERSION =
      Sql.of("UPDATE balint_group SET version = :version WHERE group_id = :group_id");
  private static final Sql SELECT =
      Sql.of(
          "SELECT name, extensions, record_extensions, version, generation FROM balint_group"
              + " WHERE group_id = :group_id AND generation > 0");
  private static final Sql GENERATION =
      Sql.of("SELECT generation FROM balint_group WHERE group_id = :group_id AND generation > 0");
  private static final Sql IDS = Sql.of("SELECT group_id FROM balint_group WHERE generation > 0");
  private static final Sql DELETE = Sql.of("DELETE FROM balint_group WHERE group_id = :group_id");
  private static final Sql RETENTION =
      Sql.of(
          "SELECT retain_contributions_s, retain_contributions_ns, retain_titles_s,"
              + " retain_titles_ns FROM balint_group WHERE group_id = :group_id"
              + " AND generation > 0");
  private static final Sql SET_RETENTION =
      Sql.of(
          "UPDATE balint_group SET retain_contributions_s = :retain_contributions_s,"
              + " retain_contributions_ns = :retain_contributions_ns,"
              + " retain_titles_s = :retain_titles_s, retain_titles_ns = :retain_titles_ns"
              + " WHERE group_id = :group_id");

  private GroupTable() {}

  /** A group's row as locked by a writer: its version and the generation its rows carry. */
  static final class Locked {
    final long version;
    final long generation;

    Locked(long version, long generation) {
      this.version = version;
      this.generation = generation;
    }

    /** Whether a whole record is stored (generation 0 is a group row whose record never was). */
    boolean isStored() {
      return generation > 0;
    }

    /** The version callers see: {@link Versioned#ABSENT} when no record is stored. */
    long storedVersion() {
      return isStored() ? version : Versioned.ABSENT;
    }
  }

  /** A group's row as read: name, extensions, version and the generation of its record's rows. */
  static final class Row {
    final String name;
    final Optional<Extensions> extensions;
    final Optional<Extensions> recordExtensions;
    final long version;
    final long generation;

    private Row(
        String name,
        Optional<Extensions> extensions,
        Optional<Extensions> recordExtensions,
        long version,
        long generation) {
      this.name = name;
      this.extensions = extensions;
      this.recordExtensions = recordExtensions;
      this.version = version;
      this.generation = generation;
    }
  }

  /**
   * Locks a group's row for the rest of the transaction. Every writer of a group takes this lock
   * first, so writes to one group happen one after another and never deadlock.
   *
   * @param connection the connection, in a transaction
   * @param groupId the group's id
   * @return the group's version and generation, or empty if it has no row
   * @throws SQLException if the statement fails
   */
  static Optional<Locked> lock(Connection connection, String groupId) throws SQLException {
    try (Sql.Bound select = LOCK.prepare(connection)) {
      return select
          .text("group_id", groupId)
          .first(row -> new Locked(row.getLong("version"), row.getLong("generation")));
    }
  }

  /**
   * Locks a group whose record is stored.
   *
   * @param connection the connection, in a transaction
   * @param groupId the group's id
   * @param what what the caller needs, for the message, such as {@code group riverside}
   * @return the locked row
   * @throws NotStoredException naming {@code what} if the group's record is not stored
   * @throws SQLException if the statement fails
   */
  static Locked lockStored(Connection connection, String groupId, String what) throws SQLException {
    Optional<Locked> locked = lock(connection, groupId);
    if (locked.isEmpty() || !locked.get().isStored()) {
      throw new NotStoredException(what);
    }
    return locked.get();
  }

  /**
   * Inserts a group's row with no record yet (generation 0), to be locked and pointed at one.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param name the group's name
   * @throws SQLException if the database refuses the row
   */
  static void insert(Connection connection, String groupId, String name) throws SQLException {
    try (Sql.Bound insert = INSERT.prepare(connection)) {
      insert.text("group_id", groupId).text("name", name).update();
    }
  }

  /**
   * Points a group's row at a generation of rows, with the record's group-level values.
   *
   * @param connection the connection
   * @param record the record written under that generation
   * @param version the group's new version
   * @param generation the generation
   * @throws SQLException if the statement fails
   */
  static void point(Connection connection, GroupRecord record, long version, long generation)
      throws SQLException {
    try (Sql.Bound update = POINT.prepare(connection)) {
      update
          .text("name", record.group().name())
          .extensions("extensions", record.group().extensions())
          .extensions("record_extensions", record.extensions())
          .number("version", version)
          .number("generation", generation)
          .text("group_id", record.group().id())
          .update();
    }
  }

  /**
   * Sets a group's version, after a change to one of its sessions.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param version the new version
   * @throws SQLException if the statement fails
   */
  static void setVersion(Connection connection, String groupId, long version) throws SQLException {
    try (Sql.Bound update = SET_VERSION.prepare(connection)) {
      update.number("version", version).text("group_id", groupId).update();
    }
  }

  /**
   * Reads a group's row.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @return the row, or empty if no record of the group is stored
   * @throws SQLException if the query fails
   */
  static Optional<Row> read(Connection connection, String groupId) throws SQLException {
    try (Sql.Bound select = SELECT.prepare(connection)) {
      return select
          .text("group_id", groupId)
          .first(
              row ->
                  new Row(
                      row.getString("name"),
                      Columns.extensions(row, "extensions"),
                      Columns.extensions(row, "record_extensions"),
                      row.getLong("version"),
                      row.getLong("generation")));
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
    try (Sql.Bound select = GENERATION.prepare(connection)) {
      Optional<Long> generation =
          select.text("group_id", groupId).first(row -> row.getLong("generation"));
      return generation.isPresent() ? OptionalLong.of(generation.get()) : OptionalLong.empty();
    }
  }

  /**
   * Reads the ids of the groups whose record is stored.
   *
   * @param connection the connection
   * @return the ids, in ascending order
   * @throws SQLException if the query fails
   */
  static ImmutableList<String> ids(Connection connection) throws SQLException {
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    try (Sql.Bound select = IDS.prepare(connection)) {
      select.forEach(row -> ids.add(row.getString("group_id")));
    }
    return ImmutableList.sortedCopyOf(ids.build());
  }

  /**
   * Deletes a group's row; its record's rows must be deleted first.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @throws SQLException if the statement fails
   */
  static void delete(Connection connection, String groupId) throws SQLException {
    try (Sql.Bound delete = DELETE.prepare(connection)) {
      delete.text("group_id", groupId).update();
    }
  }

  /**
   * Reads the retention policy on a group's row.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @return the policy, or empty if no record of the group is stored
   * @throws SQLException if the query fails
   */
  static Optional<RetentionPolicy> retention(Connection connection, String groupId)
      throws SQLException {
    try (Sql.Bound select = RETENTION.prepare(connection)) {
      return select
          .text("group_id", groupId)
          .first(
              row ->
                  RetentionPolicy.builder()
                      .contributionsKeptFor(Columns.duration(row, "retain_contributions"))
                      .caseTitlesKeptFor(Columns.duration(row, "retain_titles"))
                      .build());
    }
  }

  /**
   * Sets the retention policy on a group's row.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param policy the policy
   * @return the number of rows changed
   * @throws SQLException if the statement fails
   */
  static int setRetention(Connection connection, String groupId, RetentionPolicy policy)
      throws SQLException {
    try (Sql.Bound update = SET_RETENTION.prepare(connection)) {
      return update
          .duration("retain_contributions", policy.contributionsKeptFor())
          .duration("retain_titles", policy.caseTitlesKeptFor())
          .text("group_id", groupId)
          .update();
    }
  }
}
