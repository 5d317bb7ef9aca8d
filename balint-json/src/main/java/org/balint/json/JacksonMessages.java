package org.balint.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse errors into the one-line problems a {@link BalintFormatException} shows.
 */
final class JacksonMessages {
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile(
          "^Unexpected character \\('(.+?)' \\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)\\): (.*)$",
          Pattern.DOTALL);
  private static final Pattern UNEXPECTED_CONTROL =
      Pattern.compile(
          "^(?:Unexpected|Illegal unquoted) character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)(.*)$",
          Pattern.DOTALL);
  private static final Pattern INVALID_UTF8 =
      Pattern.compile("^Invalid UTF-8 (?:start|middle) byte (0x[0-9a-fA-F]+).*$", Pattern.DOTALL);

  /**
   * Jackson's pointers at its own configuration and character codes, which mean nothing to a user.
   */
  private static final Pattern JACKSON_HINT =
      Pattern.compile(
          ":? ?enable `[^`]*` to allow|, from `[^`]*`|\\s*\\(from `[^`]*`\\)| \\(code \\d+(?: /"
              + " 0x[0-9a-fA-F]+)?\\)");

  private static final Pattern ENCODED_SURROGATE =
      Pattern.compile(
          "^Invalid UTF-8: Illegal surrogate character (0x[0-9a-fA-F]+).*$", Pattern.DOTALL);
  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile(
          "\\s*\\((?:start marker at|for [A-Za-z]+ starting at) \\[Source:"
              + " [^\\]]*\\]\\)|\\s*\\[Source: [^\\]]*\\]");

  private JacksonMessages() {}

  /**
   * One plain line for a Jackson parse error: Jackson's wording, without its source references,
   * character codes and configuration hints, reworded where a user would not understand it.
   *
   * @param e the error
   * @param offset the byte offset of the error, or -1
   */
  static String describe(JsonProcessingException e, long offset) {
    String message = firstLine(String.valueOf(e.getOriginalMessage()));
    message = SOURCE_REFERENCE.matcher(message).replaceAll("");
    if (e instanceof StreamConstraintsException) {
      return "the document exceeds a reading limit: "
          + lowerFirst(JACKSON_HINT.matcher(message).replaceAll(""));
    }
    String atOffset = offset >= 0 ? " at byte offset " + offset : "";
    Matcher utf8 = INVALID_UTF8.matcher(message);
    if (utf8.matches()) {
      return "invalid UTF-8 byte " + hex(utf8.group(1)) + atOffset;
    }
    Matcher surrogate = ENCODED_SURROGATE.matcher(message);
    if (surrogate.matches()) {
      return "invalid UTF-8: an encoded surrogate U+"
          + hex(surrogate.group(1)).substring(2)
          + atOffset;
    }
    Matcher control = UNEXPECTED_CONTROL.matcher(message);
    if (control.matches()) {
      String codePoint = String.format(Locale.ROOT, "U+%04X", Integer.parseInt(control.group(1)));
      return message.startsWith("Illegal")
          ? "control character " + codePoint + " must be escaped in a string"
          : "unexpected control character " + codePoint;
    }
    if (message.contains("ALLOW_COMMENTS")) {
      return "unexpected character '/' (comments are not allowed in JSON)";
    }
    Matcher unexpected = UNEXPECTED_CHARACTER.matcher(message);
    if (unexpected.matches()) {
      return "unexpected character '"
          + unexpected.group(1)
          + "' ("
          + unexpected.group(2).strip()
          + ")";
    }
    message =
        JACKSON_HINT.matcher(message).replaceAll("").replace(" in VALUE_STRING", " in a string");
    if (message.startsWith("Unexpected end-of-input")) {
      return "unexpected end of the document"
          + message.substring("Unexpected end-of-input".length());
    }
    return message.isEmpty() ? "malformed JSON" : lowerFirst(message);
  }

  private static String hex(String jacksonHex) {
    return "0x" + jacksonHex.substring(2).toUpperCase(Locale.ROOT);
  }

  private static String lowerFirst(String message) {
    return message.isEmpty()
        ? message
        : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  /** The first line of a message, stripped. */
  static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
