package org.balint.session;

/** Where a session met. */
public enum SessionMode {
  /** The group met in one room (the default). */
  IN_PERSON,
  /** The group met by video call. */
  ONLINE
}
