package org.balint.jdbc;

import org.balint.store.StorageUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * The database named does not exist: a server has no database of that name, or an embedded H2
 * database opened for reading ({@link JdbcStore#openExisting}) has no file at that path.
 */
public class MissingDatabaseException extends StorageUnavailableException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what was opened and that it does not exist, in plain words
   * @param cause the driver's failure
   */
  public MissingDatabaseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
