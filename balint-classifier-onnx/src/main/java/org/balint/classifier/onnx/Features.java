package org.balint.classifier.onnx;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The sparse features of a contribution beside its embedding: its words ({@code w:doubt}), pairs of
 * neighbouring words ({@code p:i wonder}), its first word ({@code f:gosh}), whether it ends in a
 * question mark ({@code q:?}), its phase ({@code phase:QUESTIONS}), the speaker's role ({@code
 * role:MEMBER}) and both together ({@code phase-role:QUESTIONS/MEMBER}). Each is present or absent;
 * a word or pair keeps where it stands in the text, to be shown as a cue.
 *
 * <p>Words are runs of letters, digits and apostrophes, lower-cased, typographic apostrophes made
 * plain.
 */
final class Features {
  private Features() {}

  /** One feature found in a text, with its span (empty, at 0, for phase and role features). */
  static final class Term {
    final String name;
    final int start;
    final int end;

    Term(String name, int start, int end) {
      this.name = name;
      this.start = start;
      this.end = end;
    }

    /** Whether the term stands on words of the text, so can be shown as a cue. */
    boolean inText() {
      return end > start;
    }

    @Override
    public String toString() {
      return name + "@" + start + ".." + end;
    }
  }

  /**
   * The features of a contribution, in order: words and pairs in text order, then the rest. A
   * feature found twice is listed twice (each with its span).
   *
   * @param text what was said
   * @param phase its phase, if known
   * @param role the speaker's role, if known
   * @return the features
   */
  static ImmutableList<Term> of(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    ImmutableList.Builder<Term> terms = ImmutableList.builder();
    List<int[]> words = words(text);
    String previous = null;
    int previousStart = 0;
    for (int i = 0; i < words.size(); i++) {
      int[] span = words.get(i);
      String word = fold(text.substring(span[0], span[1]));
      if (i == 0) {
        terms.add(new Term("f:" + word, span[0], span[1]));
      }
      terms.add(new Term("w:" + word, span[0], span[1]));
      if (previous != null) {
        terms.add(new Term("p:" + previous + " " + word, previousStart, span[1]));
      }
      previous = word;
      previousStart = span[0];
    }
    if (text.strip().endsWith("?")) {
      terms.add(new Term("q:?", 0, 0));
    }
    phase.ifPresent(p -> terms.add(new Term("phase:" + p, 0, 0)));
    role.ifPresent(r -> terms.add(new Term("role:" + r, 0, 0)));
    if (phase.isPresent() && role.isPresent()) {
      terms.add(new Term("phase-role:" + phase.get() + "/" + role.get(), 0, 0));
    }
    return terms.build();
  }

  /** The spans of the words: runs of letters, digits and apostrophes, trimmed of apostrophes. */
  private static List<int[]> words(String text) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (start < end && isApostrophe(text.charAt(start))) {
        start++;
      }
      while (end > start && isApostrophe(text.charAt(end - 1))) {
        end--;
      }
      if (end > start) {
        spans.add(new int[] {start, end});
      }
    }
    return spans;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || isApostrophe(c);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018';
  }

  private static String fold(String word) {
    return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }
}
