package org.balint.cli;

/**
 * A failure a command reports to the user as one plain line and an exit code, never as a stack
 * trace (unless {@code --debug}).
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The process exit code, one of {@link ExitCodes}. */
  private final int exitCode;

  /**
   * Creates a failure.
   *
   * @param exitCode the exit code, one of {@link ExitCodes}
   * @param message the one-line message for the user
   */
  public CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * Creates a failure with a cause, shown only under {@code --debug}.
   *
   * @param exitCode the exit code, one of {@link ExitCodes}
   * @param message the one-line message for the user
   * @param cause the underlying exception
   */
  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * The exit code the program ends with.
   *
   * @return the exit code
   */
  public int exitCode() {
    return exitCode;
  }
}
