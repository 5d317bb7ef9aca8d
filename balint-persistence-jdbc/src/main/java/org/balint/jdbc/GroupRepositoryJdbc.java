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
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.store.GroupRepository;
import org.balint.store.StoreArguments;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link GroupRepository} over JDBC: a record is written in one transaction, each table's rows in
 * one batched INSERT, after the group's row has been locked.
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
    OptionalLong stored = RecordWriter.lockGroup(connection, groupId);
    long storedVersion = stored.orElse(Versioned.ABSENT);
    if (expectedVersion.isPresent()) {
      VersionConflictException.check(
          StoreArguments.groupName(groupId), storedVersion, expectedVersion.getAsLong());
    }
    Map<String, Long> sessionVersions = new HashMap<>();
    if (stored.isPresent()) {
      sessionVersions = nextSessionVersions(connection, groupId);
      RecordWriter.deleteContents(connection, groupId);
    }
    long version = storedVersion + 1;
    RecordWriter.putGroup(connection, record.group(), record.extensions(), version, stored.isPresent());
    RecordWriter.insertRoster(connection, record.group());
    RecordWriter.insertSessions(connection, groupId, record.sessions(), 0, sessionVersions);
    RecordWriter.insertViolations(connection, groupId, violations);
    return version;
  }

  /** The version each stored session of a group will have after it is written again. */
  private static Map<String, Long> nextSessionVersions(Connection connection, String groupId)
      throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT session_id, version FROM balint_session WHERE group_id = ?")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          versions.put(row.getString(1), row.getLong(2) + 1);
        }
      }
    }
    return versions;
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
              RecordReader.sessions(connection, groupId, RecordReader.SessionQuery.all())) {
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
        "reading the violations of group " + groupId,
        connection -> {
          ImmutableList.Builder<Violation> violations = ImmutableList.builder();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT session_id, contribution_index, rule_id, severity, message"
                      + " FROM balint_violation WHERE group_id = ? ORDER BY seq")) {
            select.setString(1, groupId);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
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
              }
            }
          }
          return violations.build();
        });
  }

  @Override
  public ImmutableList<String> groupIds() {
    return transactions.read(
        "listing groups",
        connection -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT group_id FROM balint_group");
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
          if (RecordWriter.lockGroup(connection, groupId).isEmpty()) {
            return false;
          }
          RecordWriter.deleteContents(connection, groupId);
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM balint_group WHERE group_id = ?")) {
            delete.setString(1, groupId);
            delete.executeUpdate();
          }
          return true;
        });
  }
}
