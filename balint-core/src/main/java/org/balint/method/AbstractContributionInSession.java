package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.balint.Ids;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.immutables.value.Value;

/**
 * One contribution in the light of what came before it in its session: who was present, the cases
 * presented so far and the phase of the case's previous contribution. It is what a {@link
 * ContributionRule} looks at, for a finished session (each contribution in turn) and for a session
 * still being recorded (the newest contribution), so that both give the same violations.
 *
 * <p>Before a case is presented, contributions in the opening belong to the first case, which does
 * not exist yet: {@link #cases()} is then empty and {@link #presenter()} empty.
 */
@Value.Immutable
public abstract class AbstractContributionInSession {
  /**
   * The session's id.
   *
   * @return the id
   */
  public abstract String sessionId();

  /**
   * The ids of those present when the contribution was made, in the order they were marked.
   *
   * @return the present ids
   */
  public abstract ImmutableSet<String> present();

  /**
   * The cases presented by the time of the contribution.
   *
   * @return the cases, possibly none
   */
  public abstract ImmutableList<Case> cases();

  /**
   * The contribution's 0-based index in the session's contributions.
   *
   * @return the index
   */
  public abstract int index();

  /**
   * The contribution.
   *
   * @return what was said, by whom, in which phase of which case
   */
  public abstract Contribution contribution();

  /**
   * The phase of the previous contribution of the same case.
   *
   * @return the phase, or empty for the case's first contribution
   */
  public abstract Optional<Phase> previousPhaseInCase();

  /**
   * The presenter of the contribution's case.
   *
   * @return the presenter's id, or empty before the case is presented
   */
  public Optional<String> presenter() {
    int caseIndex = contribution().caseIndex();
    return caseIndex < cases().size()
        ? Optional.of(cases().get(caseIndex).presenter())
        : Optional.empty();
  }

  /**
   * The speaker's role in the contribution's case.
   *
   * @param isLeader whether the speaker is a leader of the group
   * @return {@link SpeakerRole#PRESENTER} for the case's presenter, else LEADER or MEMBER
   */
  public SpeakerRole speakerRole(boolean isLeader) {
    if (presenter().filter(contribution().speaker()::equals).isPresent()) {
      return SpeakerRole.PRESENTER;
    }
    return isLeader ? SpeakerRole.LEADER : SpeakerRole.MEMBER;
  }

  @Value.Check
  void check() {
    Ids.check("sessionId", sessionId());
    checkArgument(index() >= 0, "index must not be negative, but was %s", index());
    int caseIndex = contribution().caseIndex();
    checkArgument(
        caseIndex < Math.max(cases().size(), 1),
        "contribution.case must name one of the %s cases presented so far, but was %s",
        cases().size(),
        caseIndex);
  }
}
