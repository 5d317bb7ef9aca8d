package org.balint.store;

import com.google.common.collect.ImmutableList;
import org.balint.Ids;
import org.balint.privacy.RetentionPurge;
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

  @Value.Check
  void check() {
    Ids.check("groupPurge.groupId", groupId());
  }
}
