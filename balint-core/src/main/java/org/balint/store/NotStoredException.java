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
   * @param what what is missing, such as {@code group riverside}
   */
  public NotStoredException(String what) {
    super(what + " is not stored");
  }

  /**
   * Names a group for messages.
   *
   * @param groupId the group's id
   * @return {@code group ID}
   */
  static String group(String groupId) {
    return "group " + groupId;
  }

  /**
   * Names a session for messages.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @return {@code session SESSION of group GROUP}
   */
  static String session(String groupId, String sessionId) {
    return "session " + sessionId + " of group " + groupId;
  }
}
