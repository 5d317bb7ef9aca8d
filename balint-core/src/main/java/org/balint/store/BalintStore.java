package org.balint.store;

import org.balint.privacy.AccessPolicy;
import org.balint.privacy.Caller;

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
   * The reads of this store as one caller may make them under the standard access policy ({@link
   * AccessPolicy#standard()}).
   *
   * @param caller who reads
   * @return the caller's reads
   * @throws NullPointerException if {@code caller} is null
   */
  default AccessControlledReader readAs(Caller caller) {
    return readAs(caller, AccessPolicy.standard());
  }

  /**
   * The reads of this store as one caller may make them under a policy of the embedding platform's
   * choosing.
   *
   * @param caller who reads
   * @param policy what callers may see
   * @return the caller's reads
   * @throws NullPointerException if an argument is null
   */
  default AccessControlledReader readAs(Caller caller, AccessPolicy policy) {
    return AccessControlledReader.of(this, caller, policy);
  }

  /**
   * Releases the store's resources; repositories of a closed store must not be used.
   *
   * @throws StorageException if the store cannot be closed cleanly
   */
  @Override
  void close();
}
