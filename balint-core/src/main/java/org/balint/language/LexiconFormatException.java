package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A lexicon could not be read because one of its lines is malformed. The message names the source
 * and the line, so that a researcher extending or translating a lexicon can find the mistake.
 */
public final class LexiconFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The lexicon's name, such as its file name. */
  private final String source;

  /** The line at fault, from 1. */
  private final int lineNumber;

  /**
   * Creates the exception for one line of a lexicon.
   *
   * @param source the name of the lexicon, such as a file name
   * @param lineNumber the 1-based number of the offending line
   * @param problem what is wrong with the line, lower case, without a final full stop
   * @throws IllegalArgumentException if {@code lineNumber} is below 1
   */
  public LexiconFormatException(String source, int lineNumber, String problem) {
    super(source + ", line " + lineNumber + ": " + problem);
    checkArgument(lineNumber >= 1, "lineNumber must be at least 1, but was %s", lineNumber);
    this.source = source;
    this.lineNumber = lineNumber;
  }

  /**
   * The name of the lexicon that failed to load.
   *
   * @return the source name given to the loader
   */
  public String source() {
    return source;
  }

  /**
   * The line that failed, counting from 1.
   *
   * @return the 1-based line number
   */
  public int lineNumber() {
    return lineNumber;
  }
}
