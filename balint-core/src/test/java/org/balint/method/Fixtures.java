package org.balint.method;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;

/** Groups and sessions for the method's tests: a well-kept session, and ways to break it. */
final class Fixtures {
  static final Instant START = Instant.parse("2026-11-20T18:00:00Z");

  private Fixtures() {}

  /** A classifier that calls everything a feeling, so that only coded kinds matter. */
  static final ContributionClassifier FEELINGS =
      (text, phase, role) -> Classification.builder().kind(ContributionKind.FEELING).build();

  static Leader leader(String id, LeaderTraining training) {
    return Leader.builder()
        .id(id)
        .name("Dr " + id)
        .profession(Profession.GP)
        .training(training)
        .build();
  }

  static List<Member> members(int count) {
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      members.add(
          Member.builder().id("m" + i).name("Dr Member " + i).profession(Profession.GP).build());
    }
    return members;
  }

  /** A group of one accredited leader, L1, and members m1..m{count}. */
  static Group group(int members) {
    return Group.builder()
        .id("riverside")
        .name("Riverside")
        .addLeader(leader("L1", LeaderTraining.ACCREDITED))
        .addAllMembers(members(members))
        .build();
  }

  static Contribution say(String speaker, Phase phase, ContributionKind kind) {
    return Contribution.builder()
        .speaker(speaker)
        .phase(phase)
        .text("Something " + speaker + " said.")
        .kind(kind)
        .build();
  }

  static Contribution say(String speaker, Phase phase, ContributionKind kind, int caseIndex) {
    return Contribution.copyOf(say(speaker, phase, kind)).withCaseIndex(caseIndex);
  }

  /**
   * A session that keeps the method: 90 minutes, L1 and m1..m8 present and consenting, m1 presents,
   * every phase in order, feelings and speculation only.
   */
  static Session.Builder goodSession() {
    List<String> present = new ArrayList<>();
    present.add("L1");
    for (int i = 1; i <= 8; i++) {
      present.add("m" + i);
    }
    return Session.builder()
        .id("s1")
        .start(START)
        .end(START.plusSeconds(90 * 60))
        .addAllPresent(present)
        .recording(
            Recording.builder().purpose(RecordingPurpose.RESEARCH).addAllConsent(present).build())
        .addCase(Case.builder().presenter("m1").title("The woman who always brings a list").build())
        .addContribution(say("L1", Phase.OPENING, ContributionKind.FACILITATION))
        .addContribution(say("m1", Phase.PRESENTATION, ContributionKind.FEELING))
        .addContribution(say("m2", Phase.QUESTIONS, ContributionKind.QUESTION))
        .addContribution(say("m3", Phase.DISCUSSION, ContributionKind.SPECULATION))
        .addContribution(say("m4", Phase.DISCUSSION, ContributionKind.FEELING))
        .addContribution(say("m1", Phase.PRESENTER_RETURNS, ContributionKind.FEELING))
        .addContribution(say("L1", Phase.CLOSING, ContributionKind.FACILITATION));
  }

  static GroupRecord record(Group group, Session... sessions) {
    return GroupRecord.builder().group(group).addSessions(sessions).build();
  }

  /** The violations of the standard protocol (with a given protocol) for one session. */
  static ImmutableList<Violation> violations(Protocol protocol, Session session) {
    return protocol.validate(record(group(8), session), FEELINGS).violations();
  }

  static ImmutableList<Violation> violations(Session session) {
    return violations(Protocols.standard(), session);
  }

  /** The ids of the rules that fired, in report order. */
  static ImmutableList<String> ruleIds(List<Violation> violations) {
    return violations.stream().map(Violation::ruleId).collect(ImmutableList.toImmutableList());
  }

  static Optional<Violation> only(List<Violation> violations, String ruleId) {
    List<Violation> of =
        violations.stream()
            .filter(v -> v.ruleId().equals(ruleId))
            .collect(ImmutableList.toImmutableList());
    if (of.size() > 1) {
      throw new AssertionError("more than one " + ruleId + ": " + of);
    }
    return of.stream().findFirst();
  }
}
