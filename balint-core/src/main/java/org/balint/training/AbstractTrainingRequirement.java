package org.balint.training;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a training scheme asks of Balint group work: so many sessions or hours, in given roles,
 * spread over at least a given span of time, with limits on what online sessions count for.
 *
 * <p>Schemes differ and change; {@link TrainingRequirements} holds the ones the sources give, and a
 * platform builds its own with {@code TrainingRequirement.builder()}.
 */
@Value.Immutable
public abstract class AbstractTrainingRequirement {
  /**
   * A short name, such as {@code uk-psychiatry-core}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * What the requirement is, in a sentence.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * Where the requirement comes from.
   *
   * @return the source
   */
  public abstract String source();

  /**
   * What is counted.
   *
   * @return sessions or hours
   */
  public abstract CreditUnit unit();

  /**
   * How many sessions, or whole hours, are required.
   *
   * @return the amount, at least 1
   */
  public abstract int required();

  /**
   * The roles that earn credit.
   *
   * @return the roles, not empty
   */
  public abstract ImmutableSet<AttendanceRole> roles();

  /**
   * The least time from the first credited session to the last.
   *
   * @return the span, zero when the scheme sets none
   */
  @Value.Default
  public Period minimumSpan() {
    return Period.ZERO;
  }

  /**
   * The most an online session counts for, for schemes that count hours.
   *
   * @return the cap, if any
   */
  public abstract Optional<Duration> onlineCreditCap();

  /**
   * How many of the required sessions or hours must have been in person.
   *
   * @return the amount, 0 when the scheme sets none
   */
  @Value.Default
  public int requiredInPerson() {
    return 0;
  }

  @Value.Check
  void check() {
    checkArgument(required() >= 1, "required must be at least 1, but was %s", required());
    checkArgument(!roles().isEmpty(), "roles must not be empty");
    checkArgument(
        !minimumSpan().isNegative(), "minimumSpan must not be negative, but was %s", minimumSpan());
    checkArgument(
        requiredInPerson() >= 0 && requiredInPerson() <= required(),
        "requiredInPerson must be between 0 and required (%s), but was %s",
        required(),
        requiredInPerson());
    onlineCreditCap()
        .ifPresent(
            cap ->
                checkArgument(
                    !cap.isNegative(), "onlineCreditCap must not be negative, but was %s", cap));
  }
}
