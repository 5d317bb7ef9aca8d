package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.session.Session;
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

  /**
   * Reads a group's row and roster.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @return the group row, or empty if it is not stored
   * @throws SQLException if a query fails
   */
  static Optional<GroupRow> group(Connection connection, String groupId) throws SQLException {
    Optional<GroupTable.Row> row = GroupTable.read(connection, groupId);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    try {
      Group.Builder group =
          Group.builder().id(groupId).name(row.get().name).extensions(row.get().extensions);
      RosterTable.read(connection, groupId, row.get().generation, group);
      return Optional.of(
          new GroupRow(
              group.build(), row.get().recordExtensions, row.get().version, row.get().generation));
    } catch (IllegalArgumentException | IllegalStateException damaged) {
      throw damaged(groupId, damaged);
    }
  }

  /**
   * Reads what hangs off the sessions a query selected and builds them.
   *
   * @param connection the connection, in a transaction that sees one snapshot
   * @param drafts the sessions selected
   * @return the sessions with their versions, in the query's order
   * @throws SQLException if a query fails
   */
  static ImmutableList<Versioned<Session>> sessions(Connection connection, SessionDrafts drafts)
      throws SQLException {
    for (SessionPeopleTable people : SessionPeopleTable.values()) {
      people.read(connection, drafts);
    }
    CaseTable.read(connection, drafts);
    ContributionTable.read(connection, drafts);
    return drafts.build();
  }

  /**
   * The failure for rows that do not make a valid record.
   *
   * @param groupId the group's id
   * @param cause what the domain refused
   * @return the exception to throw
   */
  static StorageException damaged(String groupId, RuntimeException cause) {
    return new StorageException(
        "the stored rows of group "
            + groupId
            + " do not make a valid record: "
            + cause.getMessage(),
        cause);
  }
}
