package org.balint.privacy;

/** The roles in which a caller asks for a group's data. */
public enum AccessRole {
  /** A member of the group. */
  MEMBER,
  /** A leader or co-leader of the group. */
  LEADER,
  /** An administrator of the embedding platform, for every group. */
  ADMINISTRATOR,
  /** A researcher, for every group that records sessions for research. */
  RESEARCHER;

  /**
   * Tells whether the role holds across the platform rather than in given groups.
   *
   * @return whether it is {@link #ADMINISTRATOR} or {@link #RESEARCHER}
   */
  public boolean isPlatformWide() {
    return this == ADMINISTRATOR || this == RESEARCHER;
  }
}
