package org.balint.store;

/**
 * A place where groups and their sessions are kept: the embedded database, a database server, or
 * memory. Close it to release its connections.
 */
public interface BalintStore extends AutoCloseable {
  /**
   * The repository of whole group records.
   *
   * @return the group repository
   */
  GroupRepository groups();

  /**
   * The repository of single sessions.
   *
   * @return the session repository
   */
  SessionRepository sessions();

  /**
   * Releases the store's resources; repositories of a closed store must not be used.
   *
   * @throws StorageException if the store cannot be closed cleanly
   */
  @Override
  void close();
}
