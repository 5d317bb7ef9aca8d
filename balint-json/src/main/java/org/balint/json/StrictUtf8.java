package org.balint.json;

import java.util.Locale;

/**
 * Finds the first byte sequence of a document that is not well-formed UTF-8 as the Unicode standard
 * defines it (table 3-7): no overlong encoding ({@code C0 AF}, {@code E0 80 AF}, {@code C0 80}), no
 * encoded surrogate, nothing above U+10FFFF, no stray or missing continuation byte. Jackson decodes
 * some of these silently, so the reader checks the bytes first; the check is one pass with a fast
 * path for ASCII.
 */
final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The offset of the first byte of the first ill-formed sequence, or -1 when every byte is part of
   * well-formed UTF-8.
   *
   * @param bytes the document
   * @return the offset, or -1
   */
  static int firstInvalid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(bytes, i);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /**
   * What is wrong at an offset {@link #firstInvalid} returned, for a message.
   *
   * @param bytes the document
   * @param offset the offset
   * @return such as {@code invalid UTF-8: an overlong encoding (0xC0 0xAF) at byte offset 12} or
   *     {@code invalid UTF-8 byte 0xFF at byte offset 12}
   */
  static String describe(byte[] bytes, int offset) {
    int lead = bytes[offset] & 0xFF;
    int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    StringBuilder shown = new StringBuilder();
    for (int i = offset; i < Math.min(bytes.length, offset + expected); i++) {
      if (i > offset && (bytes[i] & 0xC0) != 0x80) {
        break;
      }
      shown
          .append(shown.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
    }
    String at = " at byte offset " + offset;
    if (lead == 0xC0 || lead == 0xC1 || overlongOrSurrogateLead(bytes, offset, lead) == 1) {
      return "invalid UTF-8: an overlong encoding (" + shown + ")" + at;
    } else if (overlongOrSurrogateLead(bytes, offset, lead) == 2) {
      return "invalid UTF-8: an encoded surrogate (" + shown + ")" + at;
    }
    return String.format(Locale.ROOT, "invalid UTF-8 byte 0x%02X", lead) + at;
  }

  /** 1 for an overlong 3- or 4-byte lead, 2 for an encoded surrogate, 0 otherwise. */
  private static int overlongOrSurrogateLead(byte[] bytes, int offset, int lead) {
    if (offset + 1 >= bytes.length) {
      return 0;
    }
    int second = bytes[offset + 1] & 0xFF;
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xF0 && second < 0x90)) {
      return (second & 0xC0) == 0x80 ? 1 : 0;
    }
    if (lead == 0xED && second >= 0xA0 && second <= 0xBF) {
      return 2;
    }
    return 0;
  }

  /** The length of the well-formed sequence at {@code i}, whose first byte is not ASCII, or 0. */
  private static int sequenceLength(byte[] bytes, int i) {
    int lead = bytes[i] & 0xFF;
    int n = bytes.length;
    if (lead >= 0xC2 && lead <= 0xDF) {
      return i + 1 < n && continuation(bytes[i + 1]) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      if (i + 2 >= n) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      int low = lead == 0xE0 ? 0xA0 : 0x80;
      int high = lead == 0xED ? 0x9F : 0xBF;
      return second >= low && second <= high && continuation(bytes[i + 2]) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      if (i + 3 >= n) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      int low = lead == 0xF0 ? 0x90 : 0x80;
      int high = lead == 0xF4 ? 0x8F : 0xBF;
      return second >= low
              && second <= high
              && continuation(bytes[i + 2])
              && continuation(bytes[i + 3])
          ? 4
          : 0;
    }
    return 0;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
