package org.balint.method;

import static org.balint.method.Fixtures.START;
import static org.balint.method.Fixtures.goodSession;
import static org.balint.method.Fixtures.ruleIds;
import static org.balint.method.Fixtures.say;
import static org.balint.method.Fixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.privacy.IdentifierDetector;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class SessionRulesTest {
  private static Violation sessionLevel(String ruleId, Severity severity, String message) {
    return Violation.builder()
        .ruleId(ruleId)
        .severity(severity)
        .message(message)
        .groupId("riverside")
        .sessionId("s1")
        .build();
  }

  /** The good session with its contributions replaced. */
  private static Session withContributions(Contribution... contributions) {
    return goodSession().contributions(ImmutableList.copyOf(contributions)).build();
  }

  private static List<Integer> indices(List<Violation> violations, String ruleId) {
    List<Integer> indices = new ArrayList<>();
    for (Violation violation : violations) {
      if (violation.ruleId().equals(ruleId)) {
        indices.add(violation.contributionIndex().orElse(-1));
      }
    }
    return indices;
  }

  @Test
  void goodSession_keepsTheMethod() {
    assertEquals(ImmutableList.of(), violations(goodSession().build()));
  }

  // session.attendee

  @Test
  void attendee_presentIdOffTheRoster_isSessionLevelOncePerId() {
    Session session = goodSession().addPresent("visitor").build();
    ImmutableList<Violation> violations =
        violations(Protocols.standard().withoutRule("confidentiality.consent"), session);
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.attendee",
                Severity.ERROR,
                "Someone with the id \"visitor\" was present but is not on the group's roster.")),
        violations);
  }

  @Test
  void attendee_presenterNotPresent_isSessionLevelOncePerCase() {
    Session session =
        goodSession()
            .present(ImmutableList.of("L1", "m1", "m2", "m3", "m4", "m5", "m6", "m7"))
            .cases(ImmutableList.of(Case.builder().presenter("m8").title("A title").build()))
            .contributions(ImmutableList.of())
            .build();
    ImmutableList<Violation> violations = violations(session);
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.attendee",
                Severity.ERROR,
                "Dr Member 8 presented case 1 but is not marked present.")),
        violations);
  }

  @Test
  void attendee_presenterOffTheRoster_isSessionLevel() {
    Session session =
        goodSession()
            .cases(ImmutableList.of(Case.builder().presenter("x1").title("A title").build()))
            .contributions(ImmutableList.of())
            .build();
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.attendee",
                Severity.ERROR,
                "Someone with the id \"x1\" presented case 1 but is not on the group's roster.")),
        violations(session));
  }

  @Test
  void attendee_speakerAbsentOrOffTheRoster_oneViolationOnThatContribution() {
    Session session =
        withContributions(
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
            say("m9", Phase.QUESTIONS, ContributionKind.QUESTION),
            say("x1", Phase.DISCUSSION, ContributionKind.FEELING),
            say("m2", Phase.DISCUSSION, ContributionKind.FEELING));
    ImmutableList<Violation> violations = violations(session);
    assertEquals(ImmutableList.of(1, 2), indices(violations, "session.attendee"));
    ImmutableList<Violation> attendee =
        violations.stream()
            .filter(v -> v.ruleId().equals("session.attendee"))
            .collect(ImmutableList.toImmutableList());
    assertEquals(2, attendee.size());
    assertEquals(
        "Someone with the id \"x1\" spoke in the discussion but is not on the group's roster.",
        attendee.get(1).message());
  }

  @Test
  void attendee_consentIdsAreNotChecked() {
    Session session =
        goodSession()
            .recording(
                Recording.builder()
                    .purpose(RecordingPurpose.RESEARCH)
                    .addAllConsent(goodSession().build().present())
                    .addConsent("stranger")
                    .build())
            .build();
    assertEquals(ImmutableList.of(), violations(session));
  }

  // session.phase-order

  @Test
  void phaseOrder_stepBack_flagsEachContributionEarlierThanTheOneBefore() {
    Session session =
        withContributions(
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
            say("m2", Phase.DISCUSSION, ContributionKind.FEELING),
            say("m3", Phase.QUESTIONS, ContributionKind.QUESTION),
            say("m4", Phase.QUESTIONS, ContributionKind.QUESTION),
            say("m2", Phase.DISCUSSION, ContributionKind.FEELING),
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING));
    ImmutableList<Violation> violations = violations(session);
    assertEquals(ImmutableList.of(2, 5), indices(violations, "session.phase-order"));
    assertEquals(Severity.ERROR, violations.get(0).severity());
    assertEquals(
        "The group went back from the discussion to the questions in case 1.",
        violations.get(0).message());
  }

  @Test
  void phaseOrder_caseWithoutDiscussion_isSessionLevelOncePerCase() {
    Session session =
        withContributions(
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
            say("m2", Phase.QUESTIONS, ContributionKind.QUESTION));
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.phase-order",
                Severity.ERROR,
                "Case 1 had no discussion: the group never spoke about it while Dr Member 1 sat"
                    + " back.")),
        violations(session));
  }

  @Test
  void phaseOrder_isCheckedPerCase_andACaseWithoutContributionsIsFine() {
    Session session =
        goodSession()
            .addCase(Case.builder().presenter("m2").title("Second").build())
            .addCase(Case.builder().presenter("m3").title("Third").build())
            .addContribution(say("m2", Phase.PRESENTATION, ContributionKind.FEELING, 1))
            .addContribution(say("m4", Phase.QUESTIONS, ContributionKind.QUESTION, 1))
            .build();
    ImmutableList<Violation> violations =
        violations(Protocols.standard().withoutRule("session.case-count"), session);
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.phase-order",
                Severity.ERROR,
                "Case 2 had no discussion: the group never spoke about it while Dr Member 2 sat"
                    + " back.")),
        violations);
  }

  // session.case-count

  @Test
  void caseCount_twoCases_warnsUnderStandard_butNotUnderAnz() {
    Session session =
        goodSession().addCase(Case.builder().presenter("m2").title("Second").build()).build();
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.case-count",
                Severity.WARNING,
                "The session took 2 cases; the protocol allows one.")),
        violations(session));
    assertEquals(
        ImmutableList.of(), violations(Protocols.byName("balint-anz").orElseThrow(), session));
  }

  // session.duration

  private static Session lasting(Duration length) {
    return goodSession().end(START.plus(length)).build();
  }

  @Test
  void duration_75And105MinutesPass() {
    assertEquals(ImmutableList.of(), violations(lasting(Duration.ofMinutes(75))));
    assertEquals(ImmutableList.of(), violations(lasting(Duration.ofMinutes(105))));
  }

  @Test
  void duration_7459And10501Fire() {
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "session.duration",
                Severity.WARNING,
                "The session lasted 74 minutes 59 seconds; the protocol plans 90 minutes, give or"
                    + " take 15 minutes.")),
        violations(lasting(Duration.ofMinutes(75).minusSeconds(1))));
    assertEquals(
        ImmutableList.of("session.duration"),
        ruleIds(violations(lasting(Duration.ofMinutes(105).plusSeconds(1)))));
  }

  @Test
  void duration_usesExactArithmetic() {
    assertEquals(
        ImmutableList.of("session.duration"),
        ruleIds(violations(lasting(Duration.ofMinutes(105).plusNanos(1)))));
  }

  @Test
  void duration_withoutEnd_neverFires() {
    Session session = Session.copyOf(goodSession().build()).withEnd(Optional.empty());
    assertEquals(ImmutableList.of(), violations(session));
  }

  @Test
  void duration_anz_90And120Pass_119AndHalfHourOverFire() {
    Protocol anz = Protocols.byName("balint-anz").orElseThrow();
    assertEquals(ImmutableList.of(), violations(anz, lasting(Duration.ofMinutes(90))));
    assertEquals(ImmutableList.of(), violations(anz, lasting(Duration.ofMinutes(120))));
    assertEquals(
        ImmutableList.of("session.duration"),
        ruleIds(violations(anz, lasting(Duration.ofMinutes(90).minusSeconds(1)))));
    assertEquals(
        ImmutableList.of("session.duration"),
        ruleIds(violations(anz, lasting(Duration.ofMinutes(120).plusSeconds(1)))));
  }

  // presenter.silence

  @Test
  void presenterSilence_presenterInQuestions_isFine_inDiscussion_isNot() {
    Session session =
        withContributions(
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
            say("m1", Phase.QUESTIONS, ContributionKind.FEELING),
            say("m2", Phase.DISCUSSION, ContributionKind.FEELING),
            say("m1", Phase.DISCUSSION, ContributionKind.FEELING),
            say("m1", Phase.PRESENTER_RETURNS, ContributionKind.FEELING));
    ImmutableList<Violation> violations = violations(session);
    assertEquals(ImmutableList.of("presenter.silence"), ruleIds(violations));
    assertEquals(OptionalInt.of(3), violations.get(0).contributionIndex());
    assertEquals(Severity.ERROR, violations.get(0).severity());
    assertEquals(
        "Dr Member 1 presented case 1 and spoke during its discussion, where the presenter sits"
            + " back and listens.",
        violations.get(0).message());
  }

  @Test
  void presenterSilence_presenterOfOneCaseMaySpeakInTheOthersDiscussion() {
    Session session =
        goodSession()
            .addCase(Case.builder().presenter("m2").title("Second").build())
            .contributions(
                ImmutableList.of(
                    say("m1", Phase.PRESENTATION, ContributionKind.FEELING, 0),
                    say("m2", Phase.DISCUSSION, ContributionKind.FEELING, 0),
                    say("m2", Phase.PRESENTATION, ContributionKind.FEELING, 1),
                    say("m1", Phase.DISCUSSION, ContributionKind.FEELING, 1),
                    say("m2", Phase.DISCUSSION, ContributionKind.FEELING, 1)))
            .build();
    ImmutableList<Violation> violations =
        violations(Protocols.byName("balint-anz").orElseThrow(), session);
    assertEquals(ImmutableList.of(4), indices(violations, "presenter.silence"));
    assertEquals(ImmutableList.of("presenter.silence"), ruleIds(violations));
    assertTrue(violations.get(0).message().contains("case 2"));
  }

  // discussion.clinical, discussion.new-case, discussion.judgement

  @Test
  void clinical_firesInQuestionsDiscussionAndReturn_notInClosingOrBefore() {
    List<Contribution> contributions = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      contributions.add(say("m2", phase, ContributionKind.CLINICAL));
    }
    contributions.add(say("m3", Phase.CLOSING, ContributionKind.FEELING));
    Session session = withContributions(contributions.toArray(new Contribution[0]));
    ImmutableList<Violation> violations =
        violations(Protocols.standard().withoutRule("discussion.clinical-drift"), session);
    assertEquals(ImmutableList.of(2, 3, 4), indices(violations, "discussion.clinical"));
    assertEquals(
        ImmutableList.of("discussion.clinical", "discussion.clinical", "discussion.clinical"),
        ruleIds(violations));
    assertTrue(violations.stream().allMatch(v -> v.severity() == Severity.WARNING));
    assertEquals(
        "Dr Member 2 offered clinical problem-solving (diagnosis, tests, treatment or referral) in"
            + " the discussion; in a Balint group the clinical problem is set aside.",
        violations.get(1).message());
  }

  @Test
  void newCaseAndJudgement_fireAfterPresentationIncludingClosing() {
    for (ContributionKind kind :
        new ContributionKind[] {ContributionKind.NEW_CASE, ContributionKind.JUDGEMENT}) {
      List<Contribution> contributions = new ArrayList<>();
      for (Phase phase : Phase.values()) {
        contributions.add(say("m2", phase, kind));
      }
      ImmutableList<Violation> violations =
          violations(withContributions(contributions.toArray(new Contribution[0])));
      String ruleId =
          kind == ContributionKind.NEW_CASE ? "discussion.new-case" : "discussion.judgement";
      assertEquals(ImmutableList.of(2, 3, 4, 5), indices(violations, ruleId), kind.toString());
      assertEquals(4, violations.size(), violations.toString());
      assertTrue(violations.stream().allMatch(v -> v.severity() == Severity.WARNING));
    }
  }

  // discussion.clinical-drift

  private static Session discussion(int clinical, int others) {
    List<Contribution> contributions = new ArrayList<>();
    contributions.add(say("m1", Phase.PRESENTATION, ContributionKind.FEELING));
    for (int i = 0; i < others; i++) {
      contributions.add(say("m2", Phase.DISCUSSION, ContributionKind.SPECULATION));
    }
    for (int i = 0; i < clinical; i++) {
      contributions.add(say("m3", Phase.DISCUSSION, ContributionKind.CLINICAL));
    }
    return withContributions(contributions.toArray(new Contribution[0]));
  }

  private static boolean drifted(Session session) {
    return violations(Protocols.standard().withoutRule("discussion.clinical"), session).stream()
        .anyMatch(v -> v.ruleId().equals("discussion.clinical-drift"));
  }

  @Test
  void clinicalDrift_exactlyAQuarter_doesNotFire_justAbove_does() {
    assertFalse(drifted(discussion(1, 3)));
    assertFalse(drifted(discussion(25, 75)));
    assertTrue(drifted(discussion(26, 75)));
    assertTrue(drifted(discussion(2, 5)));
  }

  @Test
  void clinicalDrift_isSessionLevelError_withCounts() {
    ImmutableList<Violation> violations =
        violations(Protocols.standard().withoutRule("discussion.clinical"), discussion(2, 3));
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "discussion.clinical-drift",
                Severity.ERROR,
                "2 of 5 contributions in the discussion were clinical problem-solving, more"
                    + " than 1 in 4.")),
        violations);
  }

  @Test
  void clinicalDrift_countsEveryCaseAndSpeaker_andNeverFiresWithoutDiscussion() {
    Session twoCases =
        goodSession()
            .addCase(Case.builder().presenter("m2").title("Second").build())
            .contributions(
                ImmutableList.of(
                    say("m1", Phase.DISCUSSION, ContributionKind.CLINICAL, 1),
                    say("L1", Phase.DISCUSSION, ContributionKind.FEELING, 0),
                    say("m3", Phase.DISCUSSION, ContributionKind.FEELING, 0)))
            .build();
    // One clinical of three: a third is more than a quarter, although case 1 alone had none.
    assertTrue(drifted(twoCases));
    Session noDiscussion =
        withContributions(
            say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
            say("m2", Phase.QUESTIONS, ContributionKind.CLINICAL));
    assertFalse(drifted(noDiscussion));
  }

  @Test
  void clinicalDrift_thresholdIsAParameter() {
    Protocol stricter =
        Protocols.standard()
            .withoutRule("discussion.clinical")
            .withParameters(
                Protocols.standard()
                    .parameters()
                    .withClinicalDriftNumerator(1)
                    .withClinicalDriftDenominator(5));
    assertTrue(
        violations(stricter, discussion(1, 3)).stream()
            .anyMatch(v -> v.ruleId().equals("discussion.clinical-drift")));
  }

  // confidentiality.consent

  @Test
  void consent_contributionsWithoutRecording_oneSessionLevelError() {
    Session session = Session.copyOf(goodSession().build()).withRecording(Optional.empty());
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "confidentiality.consent",
                Severity.ERROR,
                "The session kept 7 contributions of what was said, but no recording with"
                    + " everyone's consent was declared.")),
        violations(session));
  }

  @Test
  void consent_noContributionsNoRecording_isTheNormalRecordAndFine() {
    Session session =
        Session.copyOf(goodSession().build())
            .withRecording(Optional.empty())
            .withContributions(ImmutableList.of());
    assertEquals(ImmutableList.of(), violations(session));
  }

  @Test
  void consent_presentIdsMissingFromConsent_onePerId_evenWithoutContributions() {
    Session session =
        goodSession()
            .recording(
                Recording.builder()
                    .purpose(RecordingPurpose.LEADER_SUPERVISION)
                    .addConsent("L1", "m1", "m2", "m3", "m4", "m5", "m6")
                    .build())
            .contributions(ImmutableList.of())
            .build();
    ImmutableList<Violation> violations = violations(session);
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "confidentiality.consent",
                Severity.ERROR,
                "Dr Member 7 was present but did not consent to the session being recorded."),
            sessionLevel(
                "confidentiality.consent",
                Severity.ERROR,
                "Dr Member 8 was present but did not consent to the session being recorded.")),
        violations);
  }

  @Test
  void consent_speakerOutsidePresentAndConsent_isMissingConsent() {
    Session session =
        goodSession()
            .present(ImmutableList.of())
            .recording(
                Recording.builder().purpose(RecordingPurpose.RESEARCH).addConsent("m1").build())
            .contributions(
                ImmutableList.of(
                    say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
                    say("m2", Phase.DISCUSSION, ContributionKind.FEELING)))
            .build();
    ImmutableList<Violation> consent =
        violations(session).stream()
            .filter(v -> v.ruleId().equals("confidentiality.consent"))
            .collect(ImmutableList.toImmutableList());
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "confidentiality.consent",
                Severity.ERROR,
                "Dr Member 2 spoke but did not consent to the session being recorded.")),
        consent);
  }

  @Test
  void consent_aSpeakerWhoIsNotPresent_mustHaveConsentedToo() {
    Session session =
        goodSession().addContribution(say("m9", Phase.CLOSING, ContributionKind.FEELING)).build();
    ImmutableList<Violation> consent =
        violations(session).stream()
            .filter(v -> v.ruleId().equals("confidentiality.consent"))
            .collect(ImmutableList.toImmutableList());
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "confidentiality.consent",
                Severity.ERROR,
                "Someone with the id \"m9\" spoke but did not consent to the session being recorded.")),
        consent);
  }

  // confidentiality.identifier

  private static final IdentifierDetector JANE = new NameDetector("Mrs Jane Smith");

  @Test
  void identifier_inTitleIsSessionLevel_inTextIsPerContribution_namesNeverQuoted() {
    Protocol protocol = Protocols.standard().withRule(new PatientIdentifierRule(JANE));
    assertEquals(
        Protocols.standard().rules().size(), protocol.rules().size(), "replaced, not added");
    Session session =
        goodSession()
            .cases(
                ImmutableList.of(
                    Case.builder().presenter("m1").title("Mrs Jane Smith and her list").build()))
            .contributions(
                ImmutableList.of(
                    say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
                    Contribution.builder()
                        .speaker("m2")
                        .phase(Phase.DISCUSSION)
                        .text("I keep thinking of Mrs Jane Smith alone at home.")
                        .build(),
                    say("m3", Phase.DISCUSSION, ContributionKind.FEELING)))
            .build();
    ImmutableList<Violation> violations =
        protocol
            .validate(Fixtures.record(Fixtures.group(8), session), Fixtures.FEELINGS)
            .violations();
    assertEquals(
        ImmutableList.of(
            sessionLevel(
                "confidentiality.identifier",
                Severity.ERROR,
                "The title of case 1 holds what looks like a patient identifier ([NAME])."),
            Violation.builder()
                .from(
                    sessionLevel(
                        "confidentiality.identifier",
                        Severity.ERROR,
                        "What Dr Member 2 said in the discussion holds what looks like a patient"
                            + " identifier ([NAME])."))
                .contributionIndex(1)
                .build()),
        violations);
  }

  @Test
  void identifier_rosterNamesAreNotScanned() {
    Protocol protocol = Protocols.standard().withRule(new PatientIdentifierRule(JANE));
    org.balint.group.Group group =
        Fixtures.group(8)
            .withMembers(
                ImmutableList.<org.balint.group.Member>builder()
                    .addAll(Fixtures.group(8).members().subList(0, 7))
                    .add(
                        org.balint.group.Member.builder()
                            .id("m8")
                            .name("Mrs Jane Smith")
                            .profession(org.balint.group.Profession.NURSE)
                            .build())
                    .build());
    assertEquals(
        ImmutableList.of(),
        protocol
            .validate(Fixtures.record(group, goodSession().build()), Fixtures.FEELINGS)
            .violations());
  }
}
