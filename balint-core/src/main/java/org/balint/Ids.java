package org.balint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of identifiers in Balint: 1–64 characters of {@code [A-Za-z0-9._-]}.
 *
 * <p>Every id of a group, leader, member or session, and every reference to one (a speaker, a
 * presenter, a present or consenting id), has this shape. Checks throw {@link
 * IllegalArgumentException} with a message naming the field and the bad value.
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
    checkArgument(
        isWellFormed(value),
        "%s must be 1-64 characters of [A-Za-z0-9._-], but was \"%s\"",
        field,
        value);
    return value;
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
      checkArgument(seen.add(value), "%s must not repeat an id, but \"%s\" appears twice", field, value);
    }
    return ImmutableList.copyOf(values);
  }
}
