package org.balint.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 instants with an offset exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * does, with a direct path for the shape writers use ({@code 2026-11-20T18:02:00Z}, {@code
 * 2026-11-20T18:02:00.5+01:00}): the formatter costs about as much as the rest of a document's
 * reading. Anything else goes to the formatter, which decides.
 */
final class IsoInstants {
  private static final int SECONDS_PER_DAY = 86_400;

  private IsoInstants() {}

  /**
   * Parses an instant.
   *
   * @param text the text
   * @return the instant
   * @throws DateTimeException if {@code text} is not what {@code ISO_OFFSET_DATE_TIME} accepts
   */
  static Instant parse(String text) {
    Instant common = parseCommon(text);
    return common != null
        ? common
        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null for any other text or an invalid date
   * or time (which the formatter then refuses with its own reason).
   */
  private static @Nullable Instant parseCommon(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int scale = i - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if (offsetHours < 0
          || offsetHours > 18
          || offsetMinutes < 0
          || offsetMinutes > 59
          || (offsetHours == 18 && offsetMinutes > 0)) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    long seconds =
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code start}, or -1 if one is not a digit. */
  private static int digits(String s, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
