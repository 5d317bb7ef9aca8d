package org.balint.privacy;

import com.google.common.collect.ImmutableList;

/** Finds patient identifiers in free text. Implementations are thread-safe and side-effect free. */
public interface IdentifierDetector {
  /**
   * Finds the identifiers in a text.
   *
   * @param text the text to scan
   * @return the identifiers found, in order of position, without overlaps
   */
  ImmutableList<Identifier> detect(String text);

  /**
   * The built-in detector for UK patient identifiers.
   *
   * @return the standard detector
   */
  static IdentifierDetector standard() {
    return UkIdentifierDetector.INSTANCE;
  }
}
