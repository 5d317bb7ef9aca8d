package org.balint.privacy;

import java.text.Normalizer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A view of a text in which identifiers are written one way, with a map from each of its characters
 * back to the original text.
 *
 * <p>The view is the text in Unicode NFKC (full-width digits and letters become ASCII, ligatures
 * are split), with every invisible format character (zero-width spaces and joiners, word joiner,
 * byte-order mark, soft hyphen, direction marks) removed, every run of white space (no-break, thin,
 * figure and ideographic spaces, tabs, line breaks) made one ASCII space, every dash (hyphens, en
 * and em dashes, the minus sign) made {@code -} and every apostrophe-like quote made {@code '}.
 * Case is left as it is: the patterns fold it where their grammar allows.
 *
 * <p>A text of printable ASCII with single spaces is its own view and costs nothing to build.
 */
final class NormalisedText {
  private final String original;
  private final String view;

  /** For each character of the view, where its source starts in the original; null if identity. */
  private final int @Nullable [] starts;

  /** For each character of the view, where its source ends in the original; null if identity. */
  private final int @Nullable [] ends;

  private NormalisedText(
      String original, String view, int @Nullable [] starts, int @Nullable [] ends) {
    this.original = original;
    this.view = view;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * Builds the view of a text.
   *
   * @param original the text as written
   * @return its normalised view
   */
  static NormalisedText of(String original) {
    if (isPlain(original)) {
      return new NormalisedText(original, original, null, null);
    }
    Builder builder = new Builder(original.length());
    for (int i = 0; i < original.length(); ) {
      int codePoint = original.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      if (codePoint < 0x80) {
        builder.add((char) codePoint, i, next);
      } else {
        String folded = Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
        for (int k = 0; k < folded.length(); k++) {
          builder.add(folded.charAt(k), i, next);
        }
      }
      i = next;
    }
    return builder.build(original);
  }

  /** Whether a text is printable ASCII without two spaces in a row: then it is its own view. */
  private static boolean isPlain(String text) {
    char previous = 'x';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * The normalised text that patterns run over.
   *
   * @return the view
   */
  String view() {
    return view;
  }

  /**
   * The original text.
   *
   * @return the text as written
   */
  String original() {
    return original;
  }

  /**
   * Where a span of the view starts in the original.
   *
   * @param viewStart the start of a non-empty span of the view
   * @return the index in the original, in UTF-16 code units
   */
  int originalStart(int viewStart) {
    return starts == null ? viewStart : starts[viewStart];
  }

  /**
   * Where a span of the view ends in the original.
   *
   * @param viewEnd the end (exclusive) of a non-empty span of the view
   * @return the index in the original, exclusive, in UTF-16 code units
   */
  int originalEnd(int viewEnd) {
    return ends == null ? viewEnd : ends[viewEnd - 1];
  }

  /** Appends normalised characters with their source spans, folding space, dashes and quotes. */
  private static final class Builder {
    private final StringBuilder view;
    private int[] starts;
    private int[] ends;

    Builder(int capacity) {
      view = new StringBuilder(capacity);
      starts = new int[capacity + 1];
      ends = new int[capacity + 1];
    }

    void add(char c, int from, int to) {
      int type = Character.getType(c);
      if (type == Character.FORMAT || c == '\u034f') {
        return; // invisible: zero-width space and joiners, soft hyphen, BOM, direction marks
      }
      int length = view.length();
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (length > 0 && view.charAt(length - 1) == ' ') {
          ends[length - 1] = to;
          return;
        }
        c = ' ';
      } else if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
        c = '-';
      } else if (c == '\u2018' || c == '\u2019' || c == '\u02bc' || c == '\u2032') {
        c = '\'';
      }
      if (length == starts.length) {
        starts = Arrays.copyOf(starts, length * 2);
        ends = Arrays.copyOf(ends, length * 2);
      }
      view.append(c);
      starts[length] = from;
      ends[length] = to;
    }

    NormalisedText build(String original) {
      return new NormalisedText(original, view.toString(), starts, ends);
    }
  }
}
