package org.balint.live;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.balint.group.Group;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.method.Protocol;
import org.balint.privacy.RecordingConsent;
import org.balint.privacy.Redactor;
import org.balint.session.GroupRecord;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;

/**
 * What of a finished session may be stored, by the method's rules of confidentiality: what was said
 * is kept only with a declared recording that everyone present, and everyone who spoke, consented
 * to (otherwise attendance and case titles are kept, and the contributions are left out); patient
 * identifiers are replaced by placeholders; and the kept session is validated, so that it can be
 * stored with its violations.
 *
 * <pre>{@code
 * KeptSession kept = KeepingPolicy.of(protocol).keep(group, finished.session());
 * kept.notices().forEach(System.out::println);
 * store.sessions().store(group.id(), kept.session(), kept.violations());
 * }</pre>
 *
 * <p>A {@link SessionRecorder} applies its policy when it finishes ({@link
 * FinishedSession#kept()}). Instances are immutable and safe to share between threads if the
 * classifier is.
 */
public final class KeepingPolicy {
  private final Protocol protocol;
  private final ContributionClassifier classifier;
  private final Redactor redactor;

  private KeepingPolicy(Protocol protocol, ContributionClassifier classifier, Redactor redactor) {
    this.protocol = checkNotNull(protocol, "protocol");
    this.classifier = checkNotNull(classifier, "classifier");
    this.redactor = checkNotNull(redactor, "redactor");
  }

  /**
   * The policy with a protocol, the default classifier and the standard redactor.
   *
   * @param protocol the protocol the kept session is validated with
   * @return the policy
   */
  public static KeepingPolicy of(Protocol protocol) {
    return of(protocol, ContributionClassifiers.defaultClassifier(), Redactor.standard());
  }

  /**
   * The policy with a protocol, a classifier and a redactor of one's own.
   *
   * @param protocol the protocol the kept session is validated with
   * @param classifier decides the kinds of uncoded contributions when validating
   * @param redactor replaces patient identifiers in case titles and contributions
   * @return the policy
   */
  public static KeepingPolicy of(
      Protocol protocol, ContributionClassifier classifier, Redactor redactor) {
    return new KeepingPolicy(protocol, classifier, redactor);
  }

  /**
   * Decides what of a session may be stored.
   *
   * @param group the session's group
   * @param session the session as recorded
   * @return the session to store, its violations and what was changed
   */
  public KeptSession keep(Group group, Session session) {
    checkNotNull(group, "group");
    checkNotNull(session, "session");
    ImmutableList.Builder<String> notices = ImmutableList.builder();
    Session kept = session;
    int leftOut = 0;
    if (RecordingConsent.holdsUnconsentedContributions(session)) {
      leftOut = session.contributions().size();
      notices.add(
          session.recording().isEmpty()
              ? "No recording was declared: attendance and the case titles are kept, the"
                  + " contributions are not."
              : String.format(
                  "Not everyone consented to the recording (missing: %s): attendance and the case"
                      + " titles are kept, the contributions are not.",
                  names(group, RecordingConsent.missingConsent(session))));
      kept = session.withContributions().withRecording(Optional.empty());
    }
    Session redacted = redactor.redact(kept);
    boolean changed = !redacted.equals(kept);
    if (changed) {
      notices.add(
          "Patient identifiers were found in a case title or in what was said; they are kept"
              + " redacted.");
    }
    GroupRecord record = GroupRecord.builder().group(group).addSession(redacted).build();
    return KeptSession.builder()
        .session(redacted)
        .violations(protocol.validate(record, classifier).violationsOf(redacted.id()))
        .notices(notices.build())
        .contributionsLeftOut(leftOut)
        .redacted(changed)
        .build();
  }

  /**
   * What a session will keep, said when it starts: whether a recording was declared and who of
   * those present has not consented to it.
   *
   * @param group the group meeting
   * @param present the ids of those present
   * @param purpose the declared recording's purpose, if any
   * @param consent the ids of those who consented
   * @return one plain sentence
   */
  static String atTheStart(
      Group group,
      Collection<String> present,
      Optional<RecordingPurpose> purpose,
      Collection<String> consent) {
    if (purpose.isEmpty()) {
      return "No recording is declared: attendance and the case titles will be kept, not what is"
          + " said.";
    }
    String recording =
        "the recording for "
            + purpose.get().name().toLowerCase(Locale.ROOT).replace("leader_", "a leader's ");
    ImmutableList<String> missing =
        present.stream()
            .filter(id -> !consent.contains(id))
            .collect(ImmutableList.toImmutableList());
    if (missing.isEmpty()) {
      return "Everyone present consented to " + recording + ": what is said will be kept.";
    }
    return String.format(
        "Not everyone present consented to %s (missing: %s): unless they consent before the end,"
            + " only attendance and the case titles will be kept, not what is said.",
        recording, names(group, missing));
  }

  /** "Dr Ben Ode (m1), Dr Ana Reyes (L1)". */
  private static String names(Group group, Collection<String> ids) {
    return ids.stream()
        .map(id -> nameOf(group, id) + " (" + id + ")")
        .collect(Collectors.joining(", "));
  }

  private static String nameOf(Group group, String id) {
    return group
        .leader(id)
        .map(leader -> leader.name())
        .or(() -> group.member(id).map(member -> member.name()))
        .orElse(id);
  }
}
