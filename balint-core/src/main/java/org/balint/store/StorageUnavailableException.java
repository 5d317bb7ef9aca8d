package org.balint.store;

import org.jspecify.annotations.Nullable;

/**
 * The database cannot be reached or refuses the connection: host or port refused, wrong user or
 * password, unknown database, or a database file that cannot be opened.
 */
public class StorageUnavailableException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what was tried and why it failed, in plain words
   * @param cause the underlying failure
   */
  public StorageUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
