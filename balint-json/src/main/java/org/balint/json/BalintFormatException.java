package org.balint.json;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A {@code balint/1} document that cannot be read: broken JSON, or JSON that breaks the format.
 *
 * <p>The message is one line. For broken JSON it starts with the line and column ({@code line 3,
 * column 17: unexpected character '}' (expected a value)}); otherwise with the JSON path of the
 * offending value ({@code $.sessions[2].contributions[14].phase: expected one of OPENING, ... but
 * was "DISCUS"}), {@code $} for a problem with the document as a whole. {@link #jsonPath()}, {@link
 * #line()} and {@link #column()} give the parts on their own.
 */
public final class BalintFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is, as a JSON path. */
  private final String jsonPath;

  /** What is wrong, one line without the location. */
  private final String problem;

  /** The 1-based line, 0 when unknown. */
  private final int line;

  /** The 1-based column in characters, 0 when unknown. */
  private final int column;

  /** Whether the JSON itself is broken. */
  private final boolean syntax;

  /**
   * Creates the exception.
   *
   * @param jsonPath where the problem is, such as {@code $.group.members[3].id}
   * @param problem what is wrong, one line without the location
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column in characters, or 0 when unknown
   * @param syntax whether the JSON itself is broken (the message then leads with line and column)
   * @param cause the underlying exception, if any
   */
  BalintFormatException(
      String jsonPath,
      String problem,
      int line,
      int column,
      boolean syntax,
      @Nullable Throwable cause) {
    super(message(jsonPath, problem, line, column, syntax), cause);
    this.jsonPath = checkNotNull(jsonPath, "jsonPath");
    this.problem = checkNotNull(problem, "problem");
    this.line = line;
    this.column = column;
    this.syntax = syntax;
  }

  private static String message(
      String jsonPath, String problem, int line, int column, boolean syntax) {
    String where = syntax && line > 0 ? "line " + line + ", column " + column : jsonPath;
    return where + ": " + problem;
  }

  /**
   * The JSON path of the offending value, such as {@code $.sessions[2].contributions[14].phase};
   * {@code $} for a problem with the document as a whole. For broken JSON, the path the reader had
   * reached.
   *
   * @return the JSON path
   */
  public String jsonPath() {
    return jsonPath;
  }

  /**
   * What is wrong, without the location: the message minus its {@code where: } prefix.
   *
   * @return the problem, one line
   */
  public String problem() {
    return problem;
  }

  /**
   * The 1-based line of the problem in the document, where known.
   *
   * @return the line, or empty
   */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /**
   * The 1-based column of the problem on its line, counted in Unicode characters, where known.
   *
   * @return the column, or empty
   */
  public OptionalInt column() {
    return line > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /**
   * Tells whether the document is not even well-formed JSON (as opposed to JSON that breaks the
   * {@code balint/1} format).
   *
   * @return true for broken JSON, invalid UTF-8 and similar problems
   */
  public boolean isSyntaxError() {
    return syntax;
  }
}
