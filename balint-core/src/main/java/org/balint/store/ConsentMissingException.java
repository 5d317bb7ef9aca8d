package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A store refused to keep the contributions of a session for which not everyone present, or not
 * everyone who spoke, has consented to a recording (or no recording was agreed at all). Attendance
 * and case titles need no consent: the same session without its contributions may be stored.
 */
public class ConsentMissingException extends ConfidentialityException {
  private static final long serialVersionUID = 1L;

  /** The ids of those present or speaking who have not consented. */
  private final ImmutableList<String> missing;

  /**
   * Creates the refusal.
   *
   * @param session the session, as {@link SessionKey#describe()} names it
   * @param recorded whether the session has a recording at all
   * @param missing the ids of those present or speaking who have not consented
   */
  public ConsentMissingException(String session, boolean recorded, List<String> missing) {
    super(
        "refusing to store the contributions of "
            + session
            + ": "
            + (recorded
                ? "not everyone who was present or spoke consented to the recording (missing: "
                    + String.join(", ", missing)
                    + ")"
                : "it has no recording that everyone present consented to (missing: "
                    + String.join(", ", missing)
                    + ")")
            + "; a transcript is kept only with the consent of everyone present and every speaker, so store the"
            + " session without its contributions or record everyone's consent");
    this.missing = ImmutableList.copyOf(missing);
  }

  /**
   * The ids of those present or speaking who have not consented.
   *
   * @return the ids: those in {@code present} in its order, then speakers not in it
   */
  public ImmutableList<String> missingConsent() {
    return missing;
  }
}
