package org.balint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of identifiers in Balint: 1–64 characters of {@code [A-Za-z0-9._-]}.
 *
 * <p>Every id of a group, leader, member or session, and every reference to one (a speaker, a
 * presenter, a present or consenting id), has this shape. Checks throw {@link
 * IllegalArgumentException} with a message naming the field and the bad value, shown on one line
 * and cut after 64 characters.
 */
public final class Ids {
  /** The longest id allowed, in characters. */
  public static final int MAX_LENGTH = 64;

  private Ids() {}

  /**
   * Tells whether a string is a well-formed id.
   *
   * @param value the candidate
   * @return true when {@code value} is 1–64 characters of {@code [A-Za-z0-9._-]}
   */
  public static boolean isWellFormed(String value) {
    // A loop rather than a regular expression: every id of every document read is checked.
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that a value is a well-formed id.
   *
   * @param field the name of the field, for the message
   * @param value the value to check
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is not a well-formed id
   * @throws NullPointerException if {@code value} is null
   */
  public static String check(String field, String value) {
    checkNotNull(field, "field must not be null");
    checkNotNull(value, "%s must not be null", field);
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException(
          field + " must be 1-64 characters of [A-Za-z0-9._-], but was " + quoted(value));
    }
    return value;
  }

  /**
   * A malformed id as a message shows it: in double quotes, cut after {@link #MAX_LENGTH}
   * characters, and with control characters and line or paragraph separators shown as escapes of
   * their code (a line feed as backslash, {@code u000A}), so that the message stays one line of
   * bounded length whatever the value holds.
   */
  private static String quoted(String value) {
    int codePoints = value.codePointCount(0, value.length());
    int end = value.offsetByCodePoints(0, Math.min(codePoints, MAX_LENGTH));
    StringBuilder shown = new StringBuilder("\"");
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c)
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.append(end < value.length() ? "...\"" : "\"").toString();
  }

  /**
   * Checks that every value of a list is a well-formed id and that none is repeated.
   *
   * @param field the name of the list, for the message
   * @param values the ids
   * @return {@code values} as an immutable list
   * @throws IllegalArgumentException if an id is malformed or repeated
   */
  public static ImmutableList<String> checkUnique(String field, List<String> values) {
    checkNotNull(field, "field must not be null");
    checkNotNull(values, "%s must not be null", field);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = check(field + "[" + i + "]", values.get(i));
      checkArgument(
          seen.add(value), "%s must not repeat an id, but \"%s\" appears twice", field, value);
    }
    return ImmutableList.copyOf(values);
  }
}
