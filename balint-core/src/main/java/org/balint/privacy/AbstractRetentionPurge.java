package org.balint.privacy;

import com.google.common.collect.ImmutableList;
import org.balint.session.GroupRecord;
import org.immutables.value.Value;

/** What a {@link RetentionPolicy} deletes from a group's record at a given time. */
@Value.Immutable
public abstract class AbstractRetentionPurge {
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
   * The record once the deletions are made; attendance and session times are untouched.
   *
   * @return the purged record
   */
  public abstract GroupRecord purged();

  /**
   * Tells whether the policy deletes nothing.
   *
   * @return whether no session loses anything
   */
  public boolean isEmpty() {
    return contributionsPurged().isEmpty() && caseTitlesPurged().isEmpty();
  }
}
