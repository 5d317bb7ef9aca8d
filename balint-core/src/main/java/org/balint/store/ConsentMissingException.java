package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A store refused to keep the contributions of a session for which not everyone present has
 * consented to a recording (or no recording was agreed at all). Attendance and case titles need no
 * consent: the same session without its contributions may be stored.
 */
public class ConsentMissingException extends ConfidentialityException {
  private static final long serialVersionUID = 1L;

  /** The ids of those present who have not consented, in {@code present} order. */
  private final ImmutableList<String> missing;

  /**
   * Creates the refusal.
   *
   * @param session the session, as {@link StoreArguments#sessionName} names it
   * @param recorded whether the session has a recording at all
   * @param missing the ids of those present who have not consented
   */
  public ConsentMissingException(String session, boolean recorded, List<String> missing) {
    super(
        "refusing to store the contributions of "
            + session
            + ": "
            + (recorded
                ? "not everyone present consented to the recording (missing: "
                    + String.join(", ", missing)
                    + ")"
                : "it has no recording that everyone present consented to")
            + "; a transcript is kept only with the consent of everyone present, so store the"
            + " session without its contributions or record everyone's consent");
    this.missing = ImmutableList.copyOf(missing);
  }

  /**
   * The ids of those present who have not consented.
   *
   * @return the ids, in {@code present} order
   */
  public ImmutableList<String> missingConsent() {
    return missing;
  }
}
