package org.balint.store;

/**
 * A checked write found a newer version than the one its caller read: someone else changed the
 * group or session in between. Read it again, apply the change again, and retry.
 */
public class VersionConflictException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** The version now stored, {@link Versioned#ABSENT} if it is gone. */
  private final long storedVersion;

  /** The version the caller had read, {@link Versioned#ABSENT} if none. */
  private final long expectedVersion;

  /**
   * Creates the failure.
   *
   * @param what what was changed, such as {@code session 2026-11-20 of group riverside}
   * @param storedVersion the version now stored ({@link Versioned#ABSENT} if it is gone)
   * @param expectedVersion the version the caller had read
   */
  public VersionConflictException(String what, long storedVersion, long expectedVersion) {
    super(message(what, storedVersion, expectedVersion));
    this.storedVersion = storedVersion;
    this.expectedVersion = expectedVersion;
  }

  private static String message(String what, long stored, long expected) {
    if (stored == Versioned.ABSENT) {
      return String.format(
          "%s was removed by someone else (you had version %s); read it again and retry",
          what, expected);
    }
    if (expected == Versioned.ABSENT) {
      return String.format(
          "%s was stored by someone else (version %s, you expected none); read it again and retry",
          what, stored);
    }
    return String.format(
        "%s was changed by someone else (version %s, you had %s); read it again and retry",
        what, stored, expected);
  }

  /**
   * The version now stored.
   *
   * @return the stored version, {@link Versioned#ABSENT} if nothing is stored
   */
  public long storedVersion() {
    return storedVersion;
  }

  /**
   * The version the caller had read.
   *
   * @return the expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * Checks a stored version against the one a caller expects.
   *
   * @param what what is being written, for the message
   * @param storedVersion the version now stored, {@link Versioned#ABSENT} if none
   * @param expectedVersion the version the caller had read
   * @throws VersionConflictException if the two differ
   */
  public static void check(String what, long storedVersion, long expectedVersion) {
    if (storedVersion != expectedVersion) {
      throw new VersionConflictException(what, storedVersion, expectedVersion);
    }
  }
}
