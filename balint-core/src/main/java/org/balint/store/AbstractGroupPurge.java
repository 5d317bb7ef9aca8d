package org.balint.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.balint.Ids;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPurge;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * What a retention purge deleted (or, in a dry run, would delete) from one stored group: the
 * sessions that lost their contributions and those that lost their case titles.
 */
@Value.Immutable
public abstract class AbstractGroupPurge {
  /**
   * The group's id.
   *
   * @return the group id
   */
  public abstract String groupId();

  /**
   * The ids of the sessions whose contributions are deleted.
   *
   * @return the session ids, in record order
   */
  public abstract ImmutableList<String> contributionsPurged();

  /**
   * The ids of the sessions whose case titles are deleted.
   *
   * @return the session ids, in record order
   */
  public abstract ImmutableList<String> caseTitlesPurged();

  /**
   * What a retention purge deletes from one group.
   *
   * @param groupId the group's id
   * @param purge the purge of its record
   * @return the group's purge, without the purged record
   */
  public static GroupPurge of(String groupId, RetentionPurge purge) {
    return GroupPurge.builder()
        .groupId(groupId)
        .contributionsPurged(purge.contributionsPurged())
        .caseTitlesPurged(purge.caseTitlesPurged())
        .build();
  }

  /**
   * The versions of a record's sessions once a retention purge is stored: those the purge changed
   * are raised, the others keep theirs (a session not stored before starts at 1).
   *
   * @param purge what the purge deletes
   * @param stored the stored sessions' versions, by session id
   * @return the versions of the purged record's sessions, by session id
   */
  public static ImmutableMap<String, Long> sessionVersionsAfter(
      RetentionPurge purge, Map<String, Long> stored) {
    Set<String> changed = new HashSet<>(purge.contributionsPurged());
    changed.addAll(purge.caseTitlesPurged());
    ImmutableMap.Builder<String, Long> versions = ImmutableMap.builder();
    for (Session session : purge.purged().sessions()) {
      long version = stored.getOrDefault(session.id(), Versioned.ABSENT);
      boolean raised = version == Versioned.ABSENT || changed.contains(session.id());
      versions.put(session.id(), raised ? version + 1 : version);
    }
    return versions.buildOrThrow();
  }

  /**
   * The violations to store with a record once a retention purge has deleted contributions: a
   * violation about a deleted contribution stays, as a fact about its session, without its
   * contribution index.
   *
   * @param violations the violations stored with the record
   * @param purge what the purge deleted
   * @return the violations to store with the purged record, in the same order
   */
  public static ImmutableList<Violation> violationsAfter(
      List<Violation> violations, RetentionPurge purge) {
    Set<String> purged = new HashSet<>(purge.contributionsPurged());
    return violations.stream()
        .map(
            v ->
                v.sessionId().filter(purged::contains).isPresent()
                    ? v.withContributionIndex(OptionalInt.empty())
                    : v)
        .collect(ImmutableList.toImmutableList());
  }

  @Value.Check
  void check() {
    Ids.check("groupPurge.groupId", groupId());
  }
}
