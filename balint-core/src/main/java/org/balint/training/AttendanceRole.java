package org.balint.training;

/** How a person took part in a session, for training credit. */
public enum AttendanceRole {
  /** Present as a member, not presenting. */
  MEMBER,
  /** Present as a member and presented a case. */
  PRESENTER,
  /** Led or co-led the session. */
  LEADER;

  /**
   * Tells whether this counts as attending as a member (presenting included).
   *
   * @return true for {@link #MEMBER} and {@link #PRESENTER}
   */
  public boolean isMember() {
    return this != LEADER;
  }
}
