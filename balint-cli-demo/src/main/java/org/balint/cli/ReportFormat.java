package org.balint.cli;

/** How a command writes its results. */
public enum ReportFormat {
  /** For a person: a facilitator's report. */
  text,
  /** For a program: JSON Lines, one object a line. */
  json
}
