package org.balint.method;

/** How serious a breach of the method is. */
public enum Severity {
  /** The method is broken. */
  ERROR,
  /** The group is drifting from the method. */
  WARNING,
  /** Worth knowing; nothing is wrong. */
  INFO
}
