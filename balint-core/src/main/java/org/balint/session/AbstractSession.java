package org.balint.session;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * One meeting of a group: when and how it met, who was present, whether it was recorded and with
 * whose consent, the cases presented and the contributions made.
 *
 * <p>Invariants checked at construction: a well-formed id; an end, if any, not before the start;
 * present ids well-formed and unique; contributions in time order where times are given; every
 * contribution's case index naming an existing case (so contributions need at least one case).
 */
@Value.Immutable
public abstract class AbstractSession {
  /**
   * The session's id, unique in its group.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * When the session started.
   *
   * @return the start
   */
  public abstract Instant start();

  /**
   * When the session ended.
   *
   * @return the end, if the session is over and its time known
   */
  public abstract Optional<Instant> end();

  /**
   * Where the session met, as its record says; a session whose record does not say met in person
   * ({@code balint/1}: {@code IN_PERSON} is the default, and an absent mode stays absent when the
   * session is written back).
   *
   * @return the mode, if the record gives one
   */
  public abstract Optional<SessionMode> mode();

  /**
   * The ids of those present, in the order given.
   *
   * @return the present ids, without repeats
   */
  public abstract ImmutableList<String> present();

  /**
   * Whether the session was recorded, why, and who consented.
   *
   * @return the recording, if any
   */
  public abstract Optional<Recording> recording();

  /**
   * The cases presented, usually one.
   *
   * @return the cases
   */
  public abstract ImmutableList<Case> cases();

  /**
   * The contributions, in time order.
   *
   * @return the contributions
   */
  public abstract ImmutableList<Contribution> contributions();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  /**
   * The session's length, where its end is known.
   *
   * @return the time from start to end, if the end is known
   */
  public Optional<Duration> duration() {
    return end().map(end -> Duration.between(start(), end));
  }

  /**
   * The role a speaker has in one case of this session.
   *
   * @param speaker the speaker's id
   * @param caseIndex the case's index
   * @param isLeader whether the speaker is a leader of the group
   * @return {@link SpeakerRole#PRESENTER} for the case's presenter, else LEADER or MEMBER
   */
  public SpeakerRole roleOf(String speaker, int caseIndex, boolean isLeader) {
    checkNotNull(speaker, "speaker must not be null");
    if (caseIndex < cases().size() && cases().get(caseIndex).presenter().equals(speaker)) {
      return SpeakerRole.PRESENTER;
    }
    return isLeader ? SpeakerRole.LEADER : SpeakerRole.MEMBER;
  }

  /**
   * This session with one more contribution, after the others.
   *
   * @param contribution the contribution
   * @return the session with {@code contribution} last
   * @throws IllegalArgumentException if the result breaks a session's invariants (an {@code at}
   *     before the last one, a case index with no case)
   */
  public Session appending(Contribution contribution) {
    return Session.builder().from(this).addContribution(contribution).build();
  }

  @Value.Check
  void check() {
    Ids.check("session.id", id());
    end()
        .ifPresent(
            end ->
                checkArgument(
                    !end.isBefore(start()),
                    "session.end must not be before session.start (%s), but was %s",
                    start(),
                    end));
    Ids.checkUnique("session.present", present());
    checkArgument(
        contributions().isEmpty() || !cases().isEmpty(),
        "session.cases must not be empty when the session has contributions (it has %s)",
        contributions().size());
    Instant previous = null;
    for (int i = 0; i < contributions().size(); i++) {
      Contribution contribution = contributions().get(i);
      checkArgument(
          contribution.caseIndex() < cases().size(),
          "contributions[%s].case must name one of the session's %s cases, but was %s",
          i,
          cases().size(),
          contribution.caseIndex());
      if (contribution.at().isPresent()) {
        Instant at = contribution.at().get();
        if (previous != null) {
          checkArgument(
              !at.isBefore(previous),
              "contributions[%s].at must not be before the contribution before it (%s), but was %s",
              i,
              previous,
              at);
        }
        previous = at;
      }
    }
  }
}
