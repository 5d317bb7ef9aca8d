package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;

/**
 * Decides which kinds of a group's data a caller may see. An embedding platform may supply its own;
 * {@link #standard()} is the default matrix described in {@code docs/privacy.md}.
 *
 * <p>Implementations are thread-safe and side-effect free.
 */
public interface AccessPolicy {
  /**
   * Tells whether a caller may see one kind of a group's data.
   *
   * @param caller who asks
   * @param groupId the group's id
   * @param kind the kind of data
   * @return whether it may be shown
   */
  boolean permits(Caller caller, String groupId, DataKind kind);

  /**
   * The kinds of a group's data a caller may see.
   *
   * @param caller who asks
   * @param groupId the group's id
   * @return the permitted kinds, possibly none
   * @throws NullPointerException if an argument is null
   */
  default ImmutableSet<DataKind> permitted(Caller caller, String groupId) {
    checkNotNull(caller, "caller must not be null");
    checkNotNull(groupId, "groupId must not be null");
    EnumSet<DataKind> kinds = EnumSet.noneOf(DataKind.class);
    for (DataKind kind : DataKind.values()) {
      if (permits(caller, groupId, kind)) {
        kinds.add(kind);
      }
    }
    return ImmutableSet.copyOf(kinds);
  }

  /**
   * The default policy: members and leaders see everything of their own group; administrators see
   * roster, attendance, training records and session metadata, but neither case titles nor
   * contributions; researchers see only the redacted research export.
   *
   * @return the standard policy
   */
  static AccessPolicy standard() {
    return MatrixAccessPolicy.standard();
  }
}
