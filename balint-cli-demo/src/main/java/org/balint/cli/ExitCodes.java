package org.balint.cli;

/** The exit codes of the {@code balint} program, as fixed by the command-line contract. */
public final class ExitCodes {
  /** Success, and no {@code ERROR} violation. */
  public static final int OK = 0;

  /** The input was read and has at least one {@code ERROR} violation. */
  public static final int VIOLATIONS = 1;

  /** Bad usage, or input that could not be read or is invalid. */
  public static final int BAD_INPUT = 2;

  /** A storage failure: connection refused, a conflict, a schema newer than the program. */
  public static final int STORAGE = 3;

  private ExitCodes() {}
}
