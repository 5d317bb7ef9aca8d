package org.balint.cli;

import java.util.function.UnaryOperator;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * A session as the plain text of a REFI-QDA source: one contribution a line, {@code speaker: text},
 * each line ended by {@code \n}, with where each contribution's text lies in it.
 *
 * <p>Positions count Unicode code points from 0, end exclusive, as REFI-QDA selections do. A text
 * that holds a line break is written as it is and so spans more than one line; the positions stay
 * exact.
 */
final class SessionTranscript {
  private final String content;
  private final int[] starts;
  private final int[] ends;

  private SessionTranscript(String content, int[] starts, int[] ends) {
    this.content = content;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * Lays a session out.
   *
   * @param session the session
   * @param texts what each text becomes in the source (identity, or pseudonyms for names)
   * @return the transcript
   */
  static SessionTranscript of(Session session, UnaryOperator<String> texts) {
    int count = session.contributions().size();
    int[] starts = new int[count];
    int[] ends = new int[count];
    StringBuilder content = new StringBuilder();
    int position = 0;
    for (int i = 0; i < count; i++) {
      Contribution contribution = session.contributions().get(i);
      String prefix = contribution.speaker() + ": ";
      String text = texts.apply(contribution.text());
      content.append(prefix).append(text).append('\n');
      starts[i] = position + prefix.codePointCount(0, prefix.length());
      ends[i] = starts[i] + text.codePointCount(0, text.length());
      position = ends[i] + 1;
    }
    return new SessionTranscript(content.toString(), starts, ends);
  }

  /**
   * The source's text.
   *
   * @return the text, each line ended by {@code \n}
   */
  String content() {
    return content;
  }

  /**
   * Where a contribution's text starts.
   *
   * @param index the contribution's index in the session
   * @return the code point position of its first character
   */
  int start(int index) {
    return starts[index];
  }

  /**
   * Where a contribution's text ends.
   *
   * @param index the contribution's index in the session
   * @return the code point position just after its last character
   */
  int end(int index) {
    return ends[index];
  }

  /**
   * The number of contributions laid out.
   *
   * @return the count
   */
  int size() {
    return starts.length;
  }

  /**
   * The 1-based line of the content at which another text first differs from it.
   *
   * @param other the other text
   * @return the line number, or 0 when the texts are equal
   */
  int firstDifferingLine(String other) {
    if (content.equals(other)) {
      return 0;
    }
    int line = 1;
    int length = Math.min(content.length(), other.length());
    for (int i = 0; i < length && content.charAt(i) == other.charAt(i); i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
