package org.balint.json;

/**
 * Lines and columns of byte offsets in a UTF-8 document, computed from its bytes so that a column
 * counts characters (not bytes) from the start of its line, 1-based, a leading byte order mark not
 * counted. Offsets come from Jackson's token and error locations; a negative offset means unknown
 * and gives 0.
 */
final class DocumentPositions {
  private final byte[] bytes;

  DocumentPositions(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The 1-based line of a byte offset, or 0 when it is unknown. */
  int lineOf(long offset) {
    if (offset < 0) {
      return 0;
    }
    int line = 1;
    int end = (int) Math.min(offset, bytes.length);
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column, in characters, of a byte offset, or 0 when it is unknown. */
  int columnOf(long offset) {
    if (offset < 0) {
      return 0;
    }
    int end = (int) Math.min(offset, bytes.length);
    while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
      end--; // inside a multi-byte character: count from its first byte
    }
    int lineStart = end;
    while (lineStart > 0 && bytes[lineStart - 1] != '\n' && bytes[lineStart - 1] != '\r') {
      lineStart--;
    }
    if (lineStart == 0 && hasByteOrderMark()) {
      lineStart = Math.min(3, end);
    }
    int column = 1;
    for (int i = lineStart; i < end; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return column;
  }

  private boolean hasByteOrderMark() {
    return bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  /** The offset of the first byte at or after {@code offset} that is not JSON whitespace. */
  long skipWhitespace(long offset) {
    long at = Math.max(0, offset);
    while (at < bytes.length
        && (bytes[(int) at] == ' '
            || bytes[(int) at] == '\n'
            || bytes[(int) at] == '\r'
            || bytes[(int) at] == '\t')) {
      at++;
    }
    return at;
  }
}
