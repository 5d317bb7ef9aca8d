package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.store.GroupRepository;
import org.balint.store.StoreArguments;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link GroupRepository} over JDBC: a record is written in one transaction, each table's rows in
 * one batched INSERT, after the group's row has been locked, under a new generation of rows that
 * the group's row is pointed at last; the old generation is then deleted.
 *
 * <p>Obtain it from {@link JdbcStore#groups()}.
 */
public final class GroupRepositoryJdbc implements GroupRepository {
  private final Transactions transactions;

  GroupRepositoryJdbc(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public long store(GroupRecord record, List<Violation> violations) {
    StoreArguments.checkViolations(record, violations);
    return transactions.write(
        "storing " + StoreArguments.groupName(record.group().id()),
        connection -> put(connection, record, violations, OptionalLong.empty()));
  }

  @Override
  public long replace(GroupRecord record, List<Violation> violations, long expectedVersion) {
    StoreArguments.checkViolations(record, violations);
    return transactions.write(
        "storing " + StoreArguments.groupName(record.group().id()),
        connection -> put(connection, record, violations, OptionalLong.of(expectedVersion)));
  }

  private static long put(
      Connection connection,
      GroupRecord record,
      List<Violation> violations,
      OptionalLong expectedVersion)
      throws SQLException {
    String groupId = record.group().id();
    Optional<RecordWriter.LockedGroup> locked = RecordWriter.lockGroup(connection, groupId);
    long storedVersion = locked.map(RecordWriter.LockedGroup::storedVersion).orElse(Versioned.ABSENT);
    if (expectedVersion.isPresent()) {
      VersionConflictException.check(
          StoreArguments.groupName(groupId), storedVersion, expectedVersion.getAsLong());
    }
    Map<String, Long> sessionVersions = new HashMap<>();
    if (locked.isPresent() && locked.get().isStored()) {
      for (Versioned<Session> session :
          RecordReader.sessions(
              connection, groupId, locked.get().generation, RecordReader.SessionQuery.all())) {
        sessionVersions.put(session.value().id(), session.version() + 1);
      }
    }
    long version = storedVersion + 1;
    RecordWriter.writeRecord(connection, locked, record, violations, version, sessionVersions);
    return version;
  }

  @Override
  public Optional<Versioned<Group>> findGroup(String groupId) {
    return transactions.read(
        "reading " + StoreArguments.groupName(groupId),
        connection ->
            RecordReader.group(connection, groupId).map(row -> Versioned.of(row.group, row.version)));
  }

  @Override
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    return transactions.read(
        "reading " + StoreArguments.groupName(groupId),
        connection -> {
          Optional<RecordReader.GroupRow> group = RecordReader.group(connection, groupId);
          if (group.isEmpty()) {
            return Optional.empty();
          }
          List<Session> sessions = new ArrayList<>();
          for (Versioned<Session> session :
              RecordReader.sessions(
                  connection, groupId, group.get().generation, RecordReader.SessionQuery.all())) {
            sessions.add(session.value());
          }
          GroupRecord record =
              GroupRecord.builder()
                  .group(group.get().group)
                  .sessions(sessions)
                  .extensions(group.get().recordExtensions)
                  .build();
          return Optional.of(Versioned.of(record, group.get().version));
        });
  }

  @Override
  public ImmutableList<Violation> violations(String groupId) {
    return transactions.read(
        "reading the violations of " + StoreArguments.groupName(groupId),
        connection -> {
          OptionalLong generation = RecordReader.generation(connection, groupId);
          return generation.isEmpty()
              ? ImmutableList.<Violation>of()
              : RecordReader.violations(connection, groupId, generation.getAsLong());
        });
  }

  @Override
  public ImmutableList<String> groupIds() {
    return transactions.read(
        "listing groups",
        connection -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT group_id FROM balint_group WHERE generation > 0");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              ids.add(row.getString(1));
            }
          }
          return ImmutableList.sortedCopyOf(ids);
        });
  }

  @Override
  public boolean delete(String groupId) {
    return transactions.write(
        "removing " + StoreArguments.groupName(groupId),
        connection -> {
          Optional<RecordWriter.LockedGroup> locked = RecordWriter.lockGroup(connection, groupId);
          if (locked.isEmpty()) {
            return false;
          }
          RecordWriter.deleteRows(connection, groupId, OptionalLong.empty());
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM balint_group WHERE group_id = ?")) {
            delete.setString(1, groupId);
            delete.executeUpdate();
          }
          return locked.get().isStored();
        });
  }
}
