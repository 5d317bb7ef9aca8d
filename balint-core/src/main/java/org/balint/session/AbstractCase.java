package org.balint.session;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * A case presented in a session: who presented it and the title the group gave it.
 *
 * <p>A title must not identify the patient; the confidentiality rule scans it.
 */
@Value.Immutable
public abstract class AbstractCase {
  /**
   * The id of the member who presents the case.
   *
   * @return the presenter's id
   */
  public abstract String presenter();

  /**
   * The case's title, such as "The woman who always brings a list".
   *
   * @return the title
   */
  public abstract String title();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  @Value.Check
  void check() {
    Ids.check("case.presenter", presenter());
    int length = title().codePointCount(0, title().length());
    checkArgument(
        length <= Contribution.MAX_TEXT_LENGTH,
        "case.title must be at most %s characters, but has %s",
        Contribution.MAX_TEXT_LENGTH,
        length);
  }
}
