package org.balint.training;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.balint.session.SessionMode;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * How far a person's ledger goes towards a training requirement.
 *
 * <p>Sessions are counted when the person's role earns credit. Hours are the sessions' lengths (a
 * session whose end is unknown earns no hours), an online session counting for at most the
 * requirement's cap. The span runs from the first credited session's start to the last's, in UTC
 * calendar days. The requirement is met when the credit, the in-person credit and the span all
 * reach what it asks.
 */
@Value.Immutable
public abstract class AbstractTrainingProgress {
  /**
   * The requirement measured against.
   *
   * @return the requirement
   */
  public abstract TrainingRequirement requirement();

  /**
   * The sessions credited.
   *
   * @return the count
   */
  public abstract int sessions();

  /**
   * The time credited (for requirements that count hours; also kept for those that count sessions).
   *
   * @return the credited time
   */
  public abstract Duration time();

  /**
   * The time credited in person.
   *
   * @return the in-person time
   */
  public abstract Duration inPersonTime();

  /**
   * The sessions credited in person.
   *
   * @return the count
   */
  public abstract int inPersonSessions();

  /**
   * The first credited session's start.
   *
   * @return the instant, if any session was credited
   */
  public abstract Optional<Instant> first();

  /**
   * The last credited session's start.
   *
   * @return the instant, if any session was credited
   */
  public abstract Optional<Instant> last();

  /**
   * The credit so far, in the requirement's unit (whole hours, rounded down, for hours).
   *
   * @return the credit
   */
  public int credit() {
    return requirement().unit() == CreditUnit.SESSIONS ? sessions() : (int) time().toHours();
  }

  /**
   * The in-person credit so far, in the requirement's unit.
   *
   * @return the in-person credit
   */
  public int inPersonCredit() {
    return requirement().unit() == CreditUnit.SESSIONS
        ? inPersonSessions()
        : (int) inPersonTime().toHours();
  }

  /**
   * What is still to do, in the requirement's unit.
   *
   * @return the remaining credit, 0 when enough
   */
  public int remaining() {
    return Math.max(0, requirement().required() - credit());
  }

  /**
   * Whether the credited sessions span at least the requirement's minimum.
   *
   * @return true when the span is long enough (always, for a zero minimum)
   */
  public boolean spanMet() {
    if (requirement().minimumSpan().isZero()) {
      return true;
    }
    if (first().isEmpty()) {
      return false;
    }
    LocalDate from = LocalDate.ofInstant(first().get(), ZoneOffset.UTC);
    LocalDate to = LocalDate.ofInstant(last().get(), ZoneOffset.UTC);
    return !from.plus(requirement().minimumSpan()).isAfter(to);
  }

  /**
   * Whether the requirement is met.
   *
   * @return true when the credit, the in-person credit and the span all suffice
   */
  public boolean met() {
    return remaining() == 0 && inPersonCredit() >= requirement().requiredInPerson() && spanMet();
  }

  /**
   * Measures a ledger against a requirement.
   *
   * @param requirement the requirement
   * @param ledger the person's ledger
   * @return the progress
   */
  public static TrainingProgress of(TrainingRequirement requirement, AttendanceLedger ledger) {
    checkNotNull(requirement, "requirement");
    checkNotNull(ledger, "ledger");
    int sessions = 0;
    int inPersonSessions = 0;
    Duration time = Duration.ZERO;
    Duration inPerson = Duration.ZERO;
    @Nullable Instant first = null;
    @Nullable Instant last = null;
    for (LedgerEntry entry : ledger.entries()) {
      if (!requirement.roles().contains(entry.role())) {
        continue;
      }
      boolean online = entry.mode() == SessionMode.ONLINE;
      Duration credited = entry.duration();
      if (online && requirement.onlineCreditCap().isPresent()) {
        Duration cap = requirement.onlineCreditCap().get();
        credited = credited.compareTo(cap) > 0 ? cap : credited;
      }
      sessions++;
      time = time.plus(credited);
      if (!online) {
        inPersonSessions++;
        inPerson = inPerson.plus(credited);
      }
      first = first == null ? entry.start() : first;
      last = entry.start();
    }
    return TrainingProgress.builder()
        .requirement(requirement)
        .sessions(sessions)
        .inPersonSessions(inPersonSessions)
        .time(time)
        .inPersonTime(inPerson)
        .first(Optional.ofNullable(first))
        .last(Optional.ofNullable(last))
        .build();
  }
}
