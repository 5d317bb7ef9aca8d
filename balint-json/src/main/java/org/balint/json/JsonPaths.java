package org.balint.json;

import java.util.regex.Pattern;

/** Builds the JSON paths and quoted values that error messages show. */
final class JsonPaths {
  /** The path of the document itself. */
  static final String ROOT = "$";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_QUOTED_CODE_POINTS = 60;

  private JsonPaths() {}

  /**
   * The path of a field of an object: {@code $.a.b}, or {@code $.a['odd name']} for a name that is
   * not a plain identifier.
   */
  static String field(String objectPath, String name) {
    return PLAIN_NAME.matcher(name).matches()
        ? objectPath + "." + name
        : objectPath + "['" + escape(name, Integer.MAX_VALUE).replace("'", "\\'") + "']";
  }

  /** The path of an element of an array: {@code $.a[3]}. */
  static String element(String arrayPath, int index) {
    return arrayPath + "[" + index + "]";
  }

  /**
   * A value as messages quote it: in double quotes, control characters and line breaks escaped so
   * that the message stays on one line, cut after 60 characters.
   */
  static String quoted(String value) {
    return "\"" + escape(value, MAX_QUOTED_CODE_POINTS) + "\"";
  }

  private static String escape(String value, int maxCodePoints) {
    StringBuilder escaped = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      if (count == maxCodePoints) {
        return escaped.append("...").toString();
      }
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      count++;
      if (c == '"' || c == '\\') {
        escaped.append('\\').append((char) c);
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else if (c == '\t') {
        escaped.append("\\t");
      } else if (Character.isISOControl(c)
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
          || Character.getType(c) == Character.SURROGATE) {
        escaped.append(String.format("\\u%04X", c));
      } else {
        escaped.appendCodePoint(c);
      }
    }
    return escaped.toString();
  }
}
