package org.balint.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.balint.group.Group;
import org.balint.session.Contribution;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * Who spoke in a session, and how much.
 *
 * <p>Turns are contributions; words are counted by {@link #wordsIn(String)}. The Gini coefficient
 * of turns is taken over the members present (leaders left out): 0 when every member spoke equally
 * often, approaching 1 when one member did all the talking. Silent members are members present who
 * made no contribution.
 */
@Value.Immutable
public abstract class AbstractParticipation {
  /**
   * The turns of each person present, in the order of {@code present}.
   *
   * @return turns by id
   */
  public abstract ImmutableMap<String, Integer> turns();

  /**
   * The words of each person present, in the order of {@code present}.
   *
   * @return words by id
   */
  public abstract ImmutableMap<String, Integer> words();

  /**
   * The members present who said nothing.
   *
   * @return their ids, in the order of {@code present}
   */
  public abstract ImmutableList<String> silentMembers();

  /**
   * The Gini coefficient of the members' turns.
   *
   * @return from 0 (equal) towards 1 (one member spoke); 0 when no member spoke
   */
  public abstract double turnGini();

  /**
   * Measures participation in a session.
   *
   * @param group the group (to tell members from leaders)
   * @param session the session
   * @return the participation
   */
  public static Participation of(Group group, Session session) {
    checkNotNull(group, "group");
    checkNotNull(session, "session");
    Map<String, Integer> turns = new LinkedHashMap<>();
    Map<String, Integer> words = new LinkedHashMap<>();
    session
        .present()
        .forEach(
            id -> {
              turns.put(id, 0);
              words.put(id, 0);
            });
    for (Contribution contribution : session.contributions()) {
      turns.merge(contribution.speaker(), 1, Integer::sum);
      words.merge(contribution.speaker(), wordsIn(contribution.text()), Integer::sum);
    }
    ImmutableList.Builder<String> silent = ImmutableList.builder();
    int[] memberTurns = new int[session.present().size()];
    int members = 0;
    for (String id : session.present()) {
      if (group.member(id).isPresent()) {
        int memberTurnCount = turns.getOrDefault(id, 0);
        memberTurns[members++] = memberTurnCount;
        if (memberTurnCount == 0) {
          silent.add(id);
        }
      }
    }
    return Participation.builder()
        .turns(turns)
        .words(words)
        .silentMembers(silent.build())
        .turnGini(gini(Arrays.copyOf(memberTurns, members)))
        .build();
  }

  /**
   * The Gini coefficient of non-negative counts, by the sorted-rank formula.
   *
   * @param values the counts
   * @return the coefficient; 0 for no values or all zero
   */
  static double gini(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    long sum = 0;
    long weighted = 0;
    for (int i = 0; i < sorted.length; i++) {
      sum += sorted[i];
      weighted += (long) (i + 1) * sorted[i];
    }
    if (sum == 0) {
      return 0;
    }
    int n = sorted.length;
    return (2.0 * weighted) / (n * (double) sum) - (n + 1.0) / n;
  }

  /**
   * The words of a text: its maximal runs of letters and digits (Unicode code points for which
   * {@link Character#isLetterOrDigit(int)} holds), so {@code "don't"} is two words, {@code "18:05"}
   * two and {@code "—"} none. Combining marks neither start nor end a word.
   *
   * @param text the text
   * @return the number of words
   */
  public static int wordsIn(String text) {
    checkNotNull(text, "text");
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      if (inWord
          && (type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || type == Character.ENCLOSING_MARK)) {
        continue;
      }
      boolean letter = Character.isLetterOrDigit(codePoint);
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }
}
