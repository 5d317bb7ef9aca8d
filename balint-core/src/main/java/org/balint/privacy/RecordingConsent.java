package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * Whether a session may keep what was said: a transcript is kept only with the consent of everyone
 * present, and anyone who speaks was there, so the consent must cover every speaker too (the {@code
 * confidentiality.consent} rule). Attendance and case titles need no consent and are always fine to
 * keep.
 *
 * <p>A store enforces this by refusing to save the contributions of a session for which {@link
 * #mayKeepContributions(Session)} is false.
 */
public final class RecordingConsent {
  private RecordingConsent() {}

  /**
   * Everyone whose consent a recording of the session needs: those present, in {@code present}
   * order, then those who speak without being in {@code present}, in the order they first speak.
   *
   * @param session the session
   * @return the ids, each once
   * @throws NullPointerException if {@code session} is null
   */
  public static ImmutableList<String> consentNeeded(Session session) {
    checkNotNull(session, "session must not be null");
    Set<String> needed = new LinkedHashSet<>(session.present());
    for (Contribution contribution : session.contributions()) {
      needed.add(contribution.speaker());
    }
    return ImmutableList.copyOf(needed);
  }

  /**
   * The ids of those present, or speaking, who have not consented to the session's recording.
   *
   * @param session the session
   * @return the ids of {@link #consentNeeded(Session)} missing from the recording's consent, in
   *     that order; all of them when the session has no recording
   * @throws NullPointerException if {@code session} is null
   */
  public static ImmutableList<String> missingConsent(Session session) {
    ImmutableList<String> needed = consentNeeded(session);
    if (session.recording().isEmpty()) {
      return needed;
    }
    Set<String> consent = new HashSet<>(session.recording().get().consent());
    return needed.stream()
        .filter(id -> !consent.contains(id))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the session's contributions may be kept: it has a recording and everyone present,
   * and everyone who speaks, consented to it. A session without contributions has nothing to keep
   * and may always be stored.
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
