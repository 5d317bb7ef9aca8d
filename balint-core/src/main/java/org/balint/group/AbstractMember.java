package org.balint.group;

import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * A member of a Balint group: a clinician who takes part and presents cases.
 *
 * <p>Build with {@code Member.builder()}; the generated {@link Member} is immutable.
 */
@Value.Immutable
public abstract class AbstractMember implements Person {
  /**
   * The member's id, unique across the group's roster.
   *
   * @return the id
   */
  @Override
  public abstract String id();

  /**
   * The member's name as the group knows it.
   *
   * @return the name
   */
  @Override
  public abstract String name();

  /**
   * The member's profession.
   *
   * @return the profession
   */
  @Override
  public abstract Profession profession();

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
    Ids.check("member.id", id());
    Person.checkDates("member", id(), joined(), left());
  }
}
