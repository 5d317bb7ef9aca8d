package org.balint.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * How long a group keeps what was said in its sessions.
 *
 * <p>Attendance (who was present, who presented) and session times are always kept: they are
 * training records. Contributions are deleted a set time after the session, if the policy says so;
 * case titles may be deleted after a (usually longer) time too. Time runs from the session's end,
 * or from its start when its end is unknown. Applying a policy is a pure function: {@link
 * #purge(GroupRecord, Instant)} says what to delete and returns the record without it, for a store
 * or a {@code purge} command to apply.
 */
@Value.Immutable
public abstract class AbstractRetentionPolicy {
  /**
   * How long contributions are kept after a session.
   *
   * @return the time kept, or empty to keep them until deleted by hand
   */
  public abstract Optional<Duration> contributionsKeptFor();

  /**
   * How long case titles are kept after a session.
   *
   * @return the time kept, or empty to keep them for good
   */
  public abstract Optional<Duration> caseTitlesKeptFor();

  /**
   * A policy that deletes nothing.
   *
   * @return the policy that keeps everything
   */
  public static RetentionPolicy keepEverything() {
    return RetentionPolicy.builder().build();
  }

  /**
   * A policy that deletes contributions a number of days after each session and keeps case titles.
   *
   * @param days days to keep contributions, zero or more
   * @return the policy
   * @throws IllegalArgumentException if {@code days} is negative
   */
  public static RetentionPolicy contributionsForDays(int days) {
    checkArgument(days >= 0, "days must not be negative, but was %s", days);
    return RetentionPolicy.builder().contributionsKeptFor(Duration.ofDays(days)).build();
  }

  /**
   * Works out what this policy deletes from a record at a given time.
   *
   * @param record the group's record
   * @param now the time at which the policy is applied
   * @return the sessions that lose contributions or case titles, and the record without them
   * @throws NullPointerException if an argument is null
   */
  public RetentionPurge purge(GroupRecord record, Instant now) {
    checkNotNull(record, "record must not be null");
    checkNotNull(now, "now must not be null");
    ImmutableList.Builder<Session> sessions = ImmutableList.builder();
    ImmutableList.Builder<String> contributionsPurged = ImmutableList.builder();
    ImmutableList.Builder<String> caseTitlesPurged = ImmutableList.builder();
    for (Session session : record.sessions()) {
      Session kept = session;
      if (!session.contributions().isEmpty() && expired(session, contributionsKeptFor(), now)) {
        kept = Withholding.withoutContributions(kept);
        contributionsPurged.add(session.id());
      }
      boolean hasTitles =
          session.cases().stream().anyMatch(c -> !Withholding.isWithheld(c.title()));
      if (hasTitles && expired(session, caseTitlesKeptFor(), now)) {
        kept = Withholding.withoutCaseTitles(kept);
        caseTitlesPurged.add(session.id());
      }
      sessions.add(kept);
    }
    return RetentionPurge.builder()
        .contributionsPurged(contributionsPurged.build())
        .caseTitlesPurged(caseTitlesPurged.build())
        .purged(record.withSessions(sessions.build()))
        .build();
  }

  private static boolean expired(Session session, Optional<Duration> keptFor, Instant now) {
    if (keptFor.isEmpty()) {
      return false;
    }
    Instant over = session.end().orElse(session.start());
    return !now.isBefore(over.plus(keptFor.get()));
  }

  @Value.Check
  void check() {
    contributionsKeptFor()
        .ifPresent(
            d ->
                checkArgument(
                    !d.isNegative(),
                    "retention.contributionsKeptFor must not be negative, but was %s",
                    d));
    caseTitlesKeptFor()
        .ifPresent(
            d ->
                checkArgument(
                    !d.isNegative(),
                    "retention.caseTitlesKeptFor must not be negative, but was %s",
                    d));
  }
}
