package org.balint.training;

/** What a training requirement counts. */
public enum CreditUnit {
  /** Sessions attended (or led). */
  SESSIONS,
  /** Hours of Balint group work, from the sessions' start and end. */
  HOURS
}
