package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * Whether a session may keep what was said: a transcript is kept only with the consent of everyone
 * present and of everyone who speaks. Attendance and case titles need no consent and are always fine to keep.
 *
 * <p>A store enforces this by refusing to save the contributions of a session for which {@link
 * #mayKeepContributions(Session)} is false.
 */
public final class RecordingConsent {
  private RecordingConsent() {}

  /**
   * The ids of those present, and of anyone who spoke, who have not consented to the session's
   * recording.
   *
   * @param session the session
   * @return the ids in {@code present} missing from the recording's consent, in {@code present}
   *     order, then those of speakers who are neither present nor consenting, in the order they
   *     first spoke; with no recording, everyone present and every speaker
   * @throws NullPointerException if {@code session} is null
   */
  public static ImmutableList<String> missingConsent(Session session) {
    checkNotNull(session, "session must not be null");
    Set<String> consent =
        session.recording().map(recording -> Set.copyOf(recording.consent())).orElse(Set.of());
    Set<String> missing = new LinkedHashSet<>();
    for (String id : session.present()) {
      if (!consent.contains(id)) {
        missing.add(id);
      }
    }
    for (Contribution contribution : session.contributions()) {
      if (!consent.contains(contribution.speaker())) {
        missing.add(contribution.speaker());
      }
    }
    return ImmutableList.copyOf(missing);
  }

  /**
   * Tells whether the session's contributions may be kept: it has a recording and everyone
   * present, and everyone who spoke, consented to it. A session without contributions has nothing to keep and may always
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
