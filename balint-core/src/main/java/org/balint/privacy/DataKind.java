package org.balint.privacy;

/** The kinds of a group's data that an access policy grants or withholds. */
public enum DataKind {
  /** The group's leaders and members: names, professions, leader training. */
  ROSTER,
  /** Who was present at each session, who presented. */
  ATTENDANCE,
  /** Attendance ledgers and training-requirement progress built from the sessions. */
  TRAINING_RECORDS,
  /** Session ids, times, mode, recording purpose and consent, extensions. */
  SESSION_METADATA,
  /** The titles the group gave its cases. */
  CASE_TITLES,
  /** What was said: the contributions, the transcript. */
  CONTRIBUTIONS,
  /**
   * A redacted export of the sessions recorded for research with everyone's consent: identifiers
   * replaced by placeholders, roster names withheld.
   */
  RESEARCH_EXPORT
}
