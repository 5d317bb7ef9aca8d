package org.balint.session;

/** Why a transcript of a session was kept: the only two reasons the method allows one. */
public enum RecordingPurpose {
  /** For research, with everyone's consent. */
  RESEARCH,
  /** For the supervision of a leader in training, with everyone's consent. */
  LEADER_SUPERVISION
}
