package org.balint.store;

/**
 * A write names a group or session that is not stored, such as appending a contribution to a
 * session nobody has stored.
 */
public class NotStoredException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param what what is missing, such as {@code group riverside} or a session as {@link
   *     SessionKey#describe()} names it
   */
  public NotStoredException(String what) {
    super(what + " is not stored");
  }
}
