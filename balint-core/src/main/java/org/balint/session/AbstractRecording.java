package org.balint.session;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * That a session's contributions were recorded, why, and who agreed.
 *
 * <p>Ids in {@link #consent()} need not be present at the session; the consent rule asks that
 * everyone present, and everyone who speaks, is in it.
 */
@Value.Immutable
public abstract class AbstractRecording {
  /**
   * Why the session was recorded.
   *
   * @return the purpose
   */
  public abstract RecordingPurpose purpose();

  /**
   * The ids of those who agreed to the record, in the order given.
   *
   * @return the consenting ids, without repeats
   */
  public abstract ImmutableList<String> consent();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  @Value.Check
  void check() {
    Ids.checkUnique("recording.consent", consent());
  }
}
