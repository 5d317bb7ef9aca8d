package org.balint.store;

import org.jspecify.annotations.Nullable;

/**
 * A failure to store or read: the database is unreachable, its schema is too new, a write met a
 * newer version, or the database refused a statement.
 *
 * <p>Unchecked, like every failure of the outside world in Balint; the message is one plain line a
 * user can act on (a command-line program prints it and exits with code 3).
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a storage failure.
   *
   * @param message what went wrong, in plain words
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * Creates a storage failure with its cause.
   *
   * @param message what went wrong, in plain words
   * @param cause the underlying failure, such as an {@code SQLException}
   */
  public StorageException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
