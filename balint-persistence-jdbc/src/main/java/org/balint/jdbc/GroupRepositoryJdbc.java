package org.balint.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.store.GroupPurge;
import org.balint.store.GroupRepository;
import org.balint.store.NotStoredException;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link GroupRepository} over JDBC: a record is written in one transaction, each table's rows in
 * one batched INSERT, after the group's row has been locked, under a new generation of rows that
 * the group's row is pointed at last; the old generation is then deleted. A group's retention
 * policy is kept in four columns of its row, which a stored record leaves alone; a purge (worked
 * out by core, {@link GroupRepository#purge}) writes the purged record under a new generation, like
 * any other write. Consent, identifiers and retention are checked by the {@link
 * org.balint.store.ConfidentialStore} that {@link JdbcStore} wraps around this repository.
 */
final class GroupRepositoryJdbc implements GroupRepository {
  private final Transactions transactions;

  GroupRepositoryJdbc(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public long store(GroupRecord record, List<Violation> violations) {
    return transactions.write(
        "storing group " + record.group().id(),
        connection -> put(connection, record, violations, OptionalLong.empty()));
  }

  @Override
  public long replace(GroupRecord record, List<Violation> violations, long expectedVersion) {
    return transactions.write(
        "storing group " + record.group().id(),
        connection -> put(connection, record, violations, OptionalLong.of(expectedVersion)));
  }

  /** Stores a record whole: every stored session's version is raised, a new session's is 1. */
  private static long put(
      Connection connection,
      GroupRecord record,
      List<Violation> violations,
      OptionalLong expectedVersion)
      throws SQLException {
    String groupId = record.group().id();
    Optional<GroupTable.Locked> locked = GroupTable.lock(connection, groupId);
    long storedVersion = locked.map(GroupTable.Locked::storedVersion).orElse(Versioned.ABSENT);
    if (expectedVersion.isPresent()) {
      VersionConflictException.check(
          "group " + groupId, storedVersion, expectedVersion.getAsLong());
    }
    Map<String, Long> sessionVersions = new HashMap<>();
    if (locked.isPresent() && locked.get().isStored()) {
      SessionTable.versions(connection, groupId, locked.get().generation)
          .forEach((id, version) -> sessionVersions.put(id, version + 1));
    }
    long version = storedVersion + 1;
    RecordWriter.writeRecord(connection, locked, record, violations, version, sessionVersions);
    return version;
  }

  @Override
  public long storePurge(RetentionPurge purge, List<Violation> violations, long expectedVersion) {
    String groupId = purge.purged().group().id();
    return transactions.write(
        "purging group " + groupId,
        connection -> {
          Optional<GroupTable.Locked> locked = GroupTable.lock(connection, groupId);
          long storedVersion =
              locked.map(GroupTable.Locked::storedVersion).orElse(Versioned.ABSENT);
          VersionConflictException.check("group " + groupId, storedVersion, expectedVersion);
          if (locked.isEmpty() || !locked.get().isStored()) {
            throw new NotStoredException("group " + groupId);
          }
          long version = storedVersion + 1;
          RecordWriter.writeRecord(
              connection,
              locked,
              purge.purged(),
              violations,
              version,
              GroupPurge.sessionVersionsAfter(
                  purge, SessionTable.versions(connection, groupId, locked.get().generation)));
          return version;
        });
  }

  @Override
  public Optional<Versioned<Group>> findGroup(String groupId) {
    return transactions.read(
        "reading group " + groupId,
        connection ->
            RecordReader.group(connection, groupId)
                .map(row -> Versioned.of(row.group, row.version)));
  }

  @Override
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    return transactions.read(
        "reading group " + groupId,
        connection -> {
          Optional<RecordReader.GroupRow> group = RecordReader.group(connection, groupId);
          if (group.isEmpty()) {
            return Optional.empty();
          }
          ImmutableList.Builder<Session> sessions = ImmutableList.builder();
          for (Versioned<Session> session :
              RecordReader.sessions(
                  connection, SessionTable.all(connection, groupId, group.get().generation))) {
            sessions.add(session.value());
          }
          GroupRecord record =
              GroupRecord.builder()
                  .group(group.get().group)
                  .sessions(sessions.build())
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
          OptionalLong generation = GroupTable.generation(connection, groupId);
          return generation.isEmpty()
              ? ImmutableList.<Violation>of()
              : ViolationTable.read(connection, groupId, generation.getAsLong());
        });
  }

  @Override
  public ImmutableList<String> groupIds() {
    return transactions.read("listing groups", GroupTable::ids);
  }

  @Override
  public boolean delete(String groupId) {
    return transactions.write(
        "removing group " + groupId,
        connection -> {
          Optional<GroupTable.Locked> locked = GroupTable.lock(connection, groupId);
          if (locked.isEmpty()) {
            return false;
          }
          RecordWriter.deleteRows(connection, groupId, OptionalLong.empty());
          GroupTable.delete(connection, groupId);
          return locked.get().isStored();
        });
  }

  @Override
  public Optional<RetentionPolicy> retention(String groupId) {
    return transactions.read(
        "reading the retention policy of group " + groupId,
        connection -> GroupTable.retention(connection, groupId));
  }

  @Override
  public void setRetention(String groupId, RetentionPolicy policy) {
    checkNotNull(policy, "policy must not be null");
    transactions.write(
        "setting the retention policy of group " + groupId,
        connection -> {
          GroupTable.lockStored(connection, groupId, "group " + groupId);
          return GroupTable.setRetention(connection, groupId, policy);
        });
  }
}
