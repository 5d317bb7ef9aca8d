package org.balint.group;

import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * A leader of a Balint group (one leader, or two co-leaders), with their training in the method.
 *
 * <p>Build with {@code Leader.builder()}; the generated {@link Leader} is immutable.
 */
@Value.Immutable
public abstract class AbstractLeader implements Person {
  /**
   * The leader's id, unique across the group's roster.
   *
   * @return the id
   */
  @Override
  public abstract String id();

  /**
   * The leader's name as the group knows it.
   *
   * @return the name
   */
  @Override
  public abstract String name();

  /**
   * The leader's profession.
   *
   * @return the profession
   */
  @Override
  public abstract Profession profession();

  /**
   * The leader's training in the Balint method.
   *
   * @return the training status
   */
  public abstract LeaderTraining training();

  /**
   * The day the person joined the group.
   *
   * @return the date, if known
   */
  @Override
  public abstract Optional<LocalDate> joined();

  /**
   * The day the person left the group; someone who has left stays on the roster but is no longer
   * counted by the group's size and leadership rules.
   *
   * @return the date, if the person has left
   */
  @Override
  public abstract Optional<LocalDate> left();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  @Override
  public abstract Optional<Extensions> extensions();

  @Value.Check
  void check() {
    Ids.check("leader.id", id());
    Person.checkDates("leader", id(), joined(), left());
  }
}
