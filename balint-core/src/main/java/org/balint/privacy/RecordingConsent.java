package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.balint.session.Session;

/**
 * Whether a session may keep what was said: a transcript is kept only with the consent of everyone
 * present. Attendance and case titles need no consent and are always fine to keep.
 *
 * <p>A store enforces this by refusing to save the contributions of a session for which {@link
 * #mayKeepContributions(Session)} is false.
 */
public final class RecordingConsent {
  private RecordingConsent() {}

  /**
   * The ids of those present who have not consented to the session's recording.
   *
   * @param session the session
   * @return the ids in {@code present} missing from the recording's consent, in {@code present}
   *     order; everyone present when the session has no recording
   * @throws NullPointerException if {@code session} is null
   */
  public static ImmutableList<String> missingConsent(Session session) {
    checkNotNull(session, "session must not be null");
    if (session.recording().isEmpty()) {
      return session.present();
    }
    Set<String> consent = new HashSet<>(session.recording().get().consent());
    return session.present().stream()
        .filter(id -> !consent.contains(id))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the session's contributions may be kept: it has a recording and everyone
   * present consented to it. A session without contributions has nothing to keep and may always
   * be stored.
   *
   * @param session the session
   * @return whether its contributions may be stored
   * @throws NullPointerException if {@code session} is null
   */
  public static boolean mayKeepContributions(Session session) {
    checkNotNull(session, "session must not be null");
    return session.recording().isPresent() && missingConsent(session).isEmpty();
  }

  /**
   * Tells whether the session breaks the consent rule: it has contributions that may not be kept.
   *
   * @param session the session
   * @return whether it holds contributions without everyone's recorded consent
   * @throws NullPointerException if {@code session} is null
   */
  public static boolean holdsUnconsentedContributions(Session session) {
    checkNotNull(session, "session must not be null");
    return !session.contributions().isEmpty() && !mayKeepContributions(session);
  }
}
