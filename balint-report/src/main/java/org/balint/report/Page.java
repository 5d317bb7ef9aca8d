package org.balint.report;

import com.google.common.collect.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * What the report's template shows: plain values, every text still unescaped (the template escapes
 * it), and the charts' SVG.
 *
 * @param title the page's title
 * @param css the page's style sheet
 * @param kinds the legend of kinds
 * @param groups one section per document
 */
record Page(
    String title, String css, ImmutableList<KindSwatch> kinds, ImmutableList<GroupSection> groups) {

  /**
   * A kind in the legend.
   *
   * @param name the kind, as the format names it
   * @param meaning what it means, in a few words
   * @param coded its colour when a person coded it
   * @param classified its colour when the classifier decided it
   * @param offMethod whether it breaks the method
   */
  record KindSwatch(
      String name, String meaning, String coded, String classified, boolean offMethod) {}

  /**
   * One group's part of the report.
   *
   * @param anchor the section's id in the page
   * @param name the group's name
   * @param id the group's id
   * @param summary a line on the roster, the sessions and the protocol
   * @param groupViolations breaches of the method by the group itself (size, leadership)
   * @param trend the kinds and fidelity over time, or null with fewer than two sessions to compare
   * @param trendNote what the trend shows, or what is missing for it
   * @param sessionHeadings the columns of the attendance table
   * @param attendance the attendance table's rows, one a person
   * @param presenters who presented which case, session by session
   * @param sessions the sessions, oldest first
   */
  record GroupSection(
      String anchor,
      String name,
      String id,
      String summary,
      ImmutableList<ViolationRow> groupViolations,
      @Nullable Chart trend,
      String trendNote,
      ImmutableList<String> sessionHeadings,
      ImmutableList<AttendanceRow> attendance,
      ImmutableList<PresenterRow> presenters,
      ImmutableList<SessionSection> sessions) {}

  /**
   * One session's part of the report.
   *
   * @param anchor the section's id in the page
   * @param id the session's id
   * @param when its date and times
   * @param cases its cases, with their presenters
   * @param present how many were present
   * @param fidelity the fidelity index, two decimals, or a dash with nothing after the presentation
   * @param fidelityPercent the index as a whole percentage, for the meter
   * @param fidelityLevel {@code good}, {@code fair}, {@code poor} or {@code none}
   * @param fidelityNote what the index counts
   * @param verdict the errors and warnings, in words
   * @param driftedMost whether this session has the group's lowest fidelity
   * @param recorded whether what was said was recorded (contributions exist)
   * @param timeline the phases against the plan, or null when the times are not known
   * @param timingNote the session's length against the protocol's
   * @param participation who spoke, or null with nothing recorded
   * @param silent the silent members' names, or empty
   * @param kinds the kinds per phase, or null with nothing after the presentation
   * @param violations the session's breaches, in time order
   */
  record SessionSection(
      String anchor,
      String id,
      String when,
      ImmutableList<String> cases,
      int present,
      String fidelity,
      int fidelityPercent,
      String fidelityLevel,
      String fidelityNote,
      String verdict,
      boolean driftedMost,
      boolean recorded,
      @Nullable Chart timeline,
      String timingNote,
      @Nullable Chart participation,
      String silent,
      @Nullable Chart kinds,
      ImmutableList<ViolationRow> violations) {}

  /**
   * One breach of the method.
   *
   * @param when the time it was said, or {@code session} for the session as a whole
   * @param phase the phase it was said in, or empty
   * @param speaker who said it, or empty
   * @param words the words that broke the method, or empty
   * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}
   * @param severityClass the severity in lower case, for the style sheet
   * @param rule the rule's id
   * @param message what the rule found
   * @param guidance what the method asks instead, or empty where an earlier row of the same rule in
   *     the list says it
   */
  record ViolationRow(
      String when,
      String phase,
      String speaker,
      String words,
      String severity,
      String severityClass,
      String rule,
      String message,
      String guidance) {}

  /**
   * One person's attendance.
   *
   * @param name the person's name
   * @param role {@code leader} or {@code member}, and when they left the group if they have
   * @param cells one a session
   * @param attended how many sessions they were present at
   */
  record AttendanceRow(
      String name, String role, ImmutableList<AttendanceCell> cells, int attended) {}

  /**
   * One person at one session.
   *
   * @param mark what the cell shows
   * @param state {@code present}, {@code presented} or {@code absent}, for the style sheet
   * @param label the same in words
   */
  record AttendanceCell(String mark, String state, String label) {}

  /**
   * Who presented a case.
   *
   * @param session the session's id
   * @param presenter the presenter's name
   * @param title the case's title
   */
  record PresenterRow(String session, String presenter, String title) {}
}
