package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.balint.session.Case;
import org.balint.session.Session;

/**
 * Takes confidential parts out of a session while keeping its shape: the purge of retention and the
 * filter of access both use it, so that a withheld part looks the same wherever it went.
 */
public final class Withholding {
  /** What stands in the place of a case title that was deleted or is not shown. */
  public static final String CASE_TITLE_PLACEHOLDER = "[CASE-TITLE]";

  private Withholding() {}

  /**
   * The session without its contributions; attendance, cases and recording stay.
   *
   * @param session the session
   * @return the session with no contributions
   * @throws NullPointerException if {@code session} is null
   */
  public static Session withoutContributions(Session session) {
    checkNotNull(session, "session must not be null");
    return session.withContributions(ImmutableList.of());
  }

  /**
   * The session with each case title replaced by {@link #CASE_TITLE_PLACEHOLDER} and the cases'
   * extensions dropped; the presenters stay, as they count for training records.
   *
   * @param session the session
   * @return the session without case titles
   * @throws NullPointerException if {@code session} is null
   */
  public static Session withoutCaseTitles(Session session) {
    checkNotNull(session, "session must not be null");
    return session.withCases(
        session.cases().stream()
            .map(c -> Case.builder().presenter(c.presenter()).title(CASE_TITLE_PLACEHOLDER).build())
            .collect(ImmutableList.toImmutableList()));
  }

  /**
   * Tells whether a case title is the placeholder of a withheld title.
   *
   * @param title a case title
   * @return whether it is {@link #CASE_TITLE_PLACEHOLDER}
   */
  public static boolean isWithheld(String title) {
    return CASE_TITLE_PLACEHOLDER.equals(title);
  }
}
