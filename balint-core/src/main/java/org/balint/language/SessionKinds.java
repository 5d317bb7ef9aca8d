package org.balint.language;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.balint.group.Group;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;

/**
 * The kind of each contribution of one session: the human coder's kind where there is one, else the
 * classifier's, asked with the contribution's phase and the speaker's role in its case.
 *
 * <p>Kinds are decided lazily and at most once each, so rules and metrics that ask about the same
 * contribution pay for one classification. Not thread-safe: use one instance per thread.
 */
public final class SessionKinds {
  private final Group group;
  private final Session session;
  private final ContributionClassifier classifier;
  private final @Nullable ContributionKind[] kinds;

  /** By contribution, the confidence in its kind once decided: 1 for a coded kind. */
  private final double[] confidences;

  private SessionKinds(Group group, Session session, ContributionClassifier classifier) {
    this.group = group;
    this.session = session;
    this.classifier = classifier;
    this.kinds = new ContributionKind[session.contributions().size()];
    this.confidences = new double[kinds.length];
  }

  /**
   * Creates the kinds of a session's contributions.
   *
   * @param group the session's group (to tell leaders from members)
   * @param session the session
   * @param classifier asked for contributions without a coded kind
   * @return the kinds, decided on demand
   */
  public static SessionKinds of(Group group, Session session, ContributionClassifier classifier) {
    return new SessionKinds(
        checkNotNull(group, "group"),
        checkNotNull(session, "session"),
        checkNotNull(classifier, "classifier"));
  }

  /**
   * The session whose contributions these are.
   *
   * @return the session
   */
  public Session session() {
    return session;
  }

  /**
   * The kind of one contribution: coded, else classified.
   *
   * @param index the contribution's index in the session's contributions
   * @return its kind
   * @throws IndexOutOfBoundsException if there is no contribution at {@code index}
   */
  public ContributionKind kindOf(int index) {
    checkElementIndex(index, kinds.length, "contributionIndex");
    ContributionKind kind = kinds[index];
    if (kind == null) {
      Contribution contribution = session.contributions().get(index);
      if (contribution.kind().isPresent()) {
        kind = contribution.kind().get();
        confidences[index] = 1;
      } else {
        Classification classification = classify(contribution);
        kind = classification.kind();
        confidences[index] = classification.confidence();
      }
      kinds[index] = kind;
    }
    return kind;
  }

  /**
   * How sure the kind of one contribution is: 1 for a coded kind, else the classifier's {@link
   * Classification#confidence()}.
   *
   * @param index the contribution's index in the session's contributions
   * @return the confidence, between 0 and 1
   * @throws IndexOutOfBoundsException if there is no contribution at {@code index}
   */
  public double confidenceOf(int index) {
    kindOf(index);
    return confidences[index];
  }

  private Classification classify(Contribution contribution) {
    return classifier.classify(
        contribution.text(),
        Optional.of(contribution.phase()),
        Optional.of(speakerRole(group, session, contribution)));
  }

  /**
   * The role the classifier is told for a contribution's speaker: their role in the contribution's
   * case, leader or not as the group says. Callers that classify contributions ahead of time ask
   * with this role so that their answers are the ones these kinds would get.
   *
   * @param group the session's group (to tell leaders from members)
   * @param session the session
   * @param contribution one of the session's contributions
   * @return the speaker's role
   */
  public static SpeakerRole speakerRole(Group group, Session session, Contribution contribution) {
    String speaker = contribution.speaker();
    return session.roleOf(speaker, contribution.caseIndex(), group.isLeader(speaker));
  }
}
