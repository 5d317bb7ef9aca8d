package org.balint.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link GroupRepository} over JDBC: a record is written in one transaction, each table's rows in
 * one batched INSERT, after the group's row has been locked, under a new generation of rows that
 * the group's row is pointed at last; the old generation is then deleted. A group's retention
 * policy is kept in four columns of its row, which a stored record leaves alone; a purge writes the
 * purged record under a new generation, like any other write, one transaction per group. Consent,
 * identifiers and retention are checked by the {@link org.balint.store.ConfidentialStore} that
 * {@link JdbcStore} wraps around this repository.
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
          "group " + groupId, storedVersion, expectedVersion.getAsLong());
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
        "reading group " + groupId,
        connection ->
            RecordReader.group(connection, groupId).map(row -> Versioned.of(row.group, row.version)));
  }

  @Override
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    return transactions.read(
        "reading group " + groupId,
        connection -> readRecord(connection, groupId));
  }

  private static Optional<Versioned<GroupRecord>> readRecord(Connection connection, String groupId)
      throws SQLException {
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
  }

  @Override
  public ImmutableList<Violation> violations(String groupId) {
    return transactions.read(
        "reading the violations of group " + groupId,
        connection -> {
          OptionalLong generation = RecordReader.generation(connection, groupId);
          return generation.isEmpty()
              ? ImmutableList.<Violation>of()
              : RecordReader.violations(connection, groupId, generation.getAsLong());
        });
  }

  @Override
  public ImmutableList<String> groupIds() {
    return groupIdsWhere("listing groups", "");
  }

  /** The ids of the stored groups whose row meets a further condition, in ascending order. */
  private ImmutableList<String> groupIdsWhere(String what, String condition) {
    return transactions.read(
        what,
        connection -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT group_id FROM balint_group WHERE generation > 0" + condition);
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
        "removing group " + groupId,
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

  @Override
  public Optional<RetentionPolicy> retention(String groupId) {
    return transactions.read(
        "reading the retention policy of group " + groupId,
        connection -> readRetention(connection, groupId));
  }

  /** The policy on a group's row, or empty if no record of the group is stored. */
  private static Optional<RetentionPolicy> readRetention(Connection connection, String groupId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT generation, retain_contributions_s, retain_contributions_ns, retain_titles_s,"
                + " retain_titles_ns FROM balint_group WHERE group_id = ?")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next() || row.getLong("generation") == 0) {
          return Optional.empty();
        }
        return Optional.of(
            RetentionPolicy.builder()
                .contributionsKeptFor(Columns.duration(row, "retain_contributions"))
                .caseTitlesKeptFor(Columns.duration(row, "retain_titles"))
                .build());
      }
    }
  }

  @Override
  public void setRetention(String groupId, RetentionPolicy policy) {
    checkNotNull(policy, "policy must not be null");
    transactions.write(
        "setting the retention policy of group " + groupId,
        connection -> {
          RecordWriter.lockStored(connection, groupId, "group " + groupId);
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE balint_group SET retain_contributions_s = ?, retain_contributions_ns = ?,"
                      + " retain_titles_s = ?, retain_titles_ns = ? WHERE group_id = ?")) {
            Columns.setDuration(update, 1, policy.contributionsKeptFor());
            Columns.setDuration(update, 3, policy.caseTitlesKeptFor());
            update.setString(5, groupId);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public ImmutableList<GroupPurge> duePurges(Instant now) {
    return purging(now, false);
  }

  @Override
  public ImmutableList<GroupPurge> purge(Instant now) {
    return purging(now, true);
  }

  private ImmutableList<GroupPurge> purging(Instant now, boolean apply) {
    checkNotNull(now, "now must not be null");
    ImmutableList.Builder<GroupPurge> purges = ImmutableList.builder();
    for (String groupId : groupsWithPolicy()) {
      String what = (apply ? "purging " : "reading what to purge of ")
          + "group " + groupId;
      Optional<GroupPurge> purged =
          apply
              ? transactions.write(what, connection -> purgeGroup(connection, groupId, now, true))
              : transactions.read(what, connection -> purgeGroup(connection, groupId, now, false));
      purged.ifPresent(purges::add);
    }
    return purges.build();
  }

  private ImmutableList<String> groupsWithPolicy() {
    return groupIdsWhere(
        "listing groups with a retention policy",
        " AND (retain_contributions_s IS NOT NULL OR retain_titles_s IS NOT NULL)");
  }

  /**
   * Works out, and if asked applies, one group's purge: under the group's lock when applying, so
   * that no write slips in between the read and the purge.
   */
  private static Optional<GroupPurge> purgeGroup(
      Connection connection, String groupId, Instant now, boolean apply) throws SQLException {
    Optional<RecordWriter.LockedGroup> locked =
        apply ? RecordWriter.lockGroup(connection, groupId) : Optional.empty();
    if (apply && (locked.isEmpty() || !locked.get().isStored())) {
      return Optional.empty();
    }
    Optional<RetentionPolicy> policy = readRetention(connection, groupId);
    Optional<Versioned<GroupRecord>> record = readRecord(connection, groupId);
    if (policy.isEmpty() || record.isEmpty()) {
      return Optional.empty();
    }
    RetentionPurge purge = policy.get().purge(record.get().value(), now);
    if (purge.isEmpty()) {
      return Optional.empty();
    }
    if (apply) {
      long generation = locked.get().generation;
      Map<String, Long> versions = new HashMap<>();
      for (Versioned<Session> session :
          RecordReader.sessions(connection, groupId, generation, RecordReader.SessionQuery.all())) {
        versions.put(session.value().id(), session.version());
      }
      for (String sessionId : GroupPurge.sessionsChanged(purge)) {
        versions.put(sessionId, versions.get(sessionId) + 1);
      }
      RecordWriter.writeRecord(
          connection,
          locked,
          purge.purged(),
          GroupPurge.violationsAfter(
              RecordReader.violations(connection, groupId, generation), purge),
          locked.get().version + 1,
          versions);
    }
    return Optional.of(GroupPurge.of(groupId, purge));
  }
}
