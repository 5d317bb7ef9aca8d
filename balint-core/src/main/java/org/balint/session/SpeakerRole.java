package org.balint.session;

/** The role of a speaker in one case of a session. */
public enum SpeakerRole {
  /** A leader or co-leader of the group. */
  LEADER,
  /** A member of the group who is not presenting this case. */
  MEMBER,
  /** The member who presents this case. */
  PRESENTER
}
