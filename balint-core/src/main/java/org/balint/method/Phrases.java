package org.balint.method;

import java.time.Duration;

/**
 * Plain words for messages a facilitator reads: counts, lengths of time, case names. Phases name
 * themselves ({@link org.balint.session.Phase#words()}).
 */
final class Phrases {
  private Phrases() {}

  /** "1 member", "7 members". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** "90 minutes", "74 minutes 59 seconds". */
  static String length(Duration duration) {
    long minutes = duration.toMinutes();
    long seconds = duration.minusMinutes(minutes).toSeconds();
    String text = count(minutes, "minute", "minutes");
    return seconds == 0 ? text : text + " " + count(seconds, "second", "seconds");
  }

  /**
   * "case 1": counted from 1, as a group counts. The same whatever the number of cases, so that a
   * message about a contribution does not change when a later case is presented.
   */
  static String caseName(int caseIndex) {
    return "case " + (caseIndex + 1);
  }

  /** The text with its first letter in upper case. */
  static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
