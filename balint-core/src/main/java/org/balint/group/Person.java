package org.balint.group;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;

/**
 * Someone on a group's roster, a {@link Leader} or a {@link Member}: who they are, and when they
 * joined and left the group.
 *
 * <p>Groups run for years and people leave. Someone who has left stays on the roster, with their
 * attendance, and is no longer counted by the rules about the group's size and leadership.
 */
public interface Person {
  /**
   * The person's id, unique across the group's roster.
   *
   * @return the id
   */
  String id();

  /**
   * The person's name as the group knows it.
   *
   * @return the name
   */
  String name();

  /**
   * The person's profession.
   *
   * @return the profession
   */
  Profession profession();

  /**
   * The day the person joined the group.
   *
   * @return the date, if known
   */
  Optional<LocalDate> joined();

  /**
   * The day the person left the group.
   *
   * @return the date, if the person has left
   */
  Optional<LocalDate> left();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  Optional<Extensions> extensions();

  /**
   * Tells whether the person still belongs to the group: they have no {@link #left()} date.
   *
   * @return true while the person has not left
   */
  default boolean isCurrent() {
    return left().isEmpty();
  }

  /**
   * Checks that a person did not leave before they joined.
   *
   * @param field the person's field, for the message, such as {@code member}
   * @param id the person's id
   * @param joined the day they joined, if known
   * @param left the day they left, if they have
   * @throws IllegalArgumentException if {@code left} is before {@code joined}
   */
  static void checkDates(
      String field, String id, Optional<LocalDate> joined, Optional<LocalDate> left) {
    checkNotNull(field, "field must not be null");
    checkNotNull(id, "id must not be null");
    checkNotNull(joined, "joined must not be null");
    checkNotNull(left, "left must not be null");
    if (joined.isPresent() && left.isPresent()) {
      checkArgument(
          !left.get().isBefore(joined.get()),
          "%s.left must not be before %s.joined (%s), but was %s for %s",
          field,
          field,
          joined.get(),
          left.get(),
          id);
    }
  }
}
