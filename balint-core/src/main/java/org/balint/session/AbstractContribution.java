package org.balint.session;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * One thing said in a session: who said it, in which phase of which case, and optionally when and
 * what kind of contribution a human coder took it to be.
 */
@Value.Immutable
public abstract class AbstractContribution {
  /** The longest text allowed, in characters (Unicode code points). */
  public static final int MAX_TEXT_LENGTH = 10_000;

  /**
   * When it was said.
   *
   * @return the instant, if known
   */
  public abstract Optional<Instant> at();

  /**
   * The id of the speaker.
   *
   * @return the speaker's id
   */
  public abstract String speaker();

  /**
   * The phase of the case in which it was said.
   *
   * @return the phase
   */
  public abstract Phase phase();

  /**
   * What was said, 1–10,000 characters.
   *
   * @return the text
   */
  public abstract String text();

  /**
   * The kind a human coder gave it; a coded kind always wins over the classifier.
   *
   * @return the coded kind, if any
   */
  public abstract Optional<ContributionKind> kind();

  /**
   * The index in the session's cases of the case it belongs to; 0 by default.
   *
   * @return the case index
   */
  @Value.Default
  public int caseIndex() {
    return 0;
  }

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  @Value.Check
  void check() {
    Ids.check("contribution.speaker", speaker());
    int length = text().codePointCount(0, text().length());
    checkArgument(
        length >= 1 && length <= MAX_TEXT_LENGTH,
        "contribution.text must be 1-%s characters, but has %s",
        MAX_TEXT_LENGTH,
        length);
    checkArgument(
        caseIndex() >= 0, "contribution.case must not be negative, but was %s", caseIndex());
  }
}
