package org.balint.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.method.Protocols;
import org.balint.method.Violation;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionRecorderTest {
  private static final Instant START = Instant.parse("2026-11-20T18:00:00Z");

  /** Calls everything clinical, so that only coded kinds keep a contribution out of trouble. */
  private static final ContributionClassifier CLINICAL =
      (text, phase, role) -> Classification.builder().kind(ContributionKind.CLINICAL).build();

  static Group group(int members) {
    Group.Builder group =
        Group.builder()
            .id("riverside")
            .name("Riverside")
            .addLeader(
                Leader.builder()
                    .id("L1")
                    .name("Dr Ana Reyes")
                    .profession(Profession.GP)
                    .training(LeaderTraining.ACCREDITED)
                    .build());
    for (int i = 1; i <= members; i++) {
      group.addMember(
          Member.builder().id("m" + i).name("Dr Member " + i).profession(Profession.GP).build());
    }
    return group.build();
  }

  private TestClock clock;
  private Heard heard;
  private SessionRecorder recorder;

  @BeforeEach
  void setUp() {
    clock = new TestClock(START);
    heard = new Heard();
    recorder = SessionRecorder.builder(group(8), "s1").clock(clock).classifier(CLINICAL).build();
    recorder.addListener(heard);
  }

  /** Everyone present and consenting, the session started. */
  private void everyoneInAndStarted() {
    for (String id : group(8).rosterIds()) {
      recorder.markPresent(id);
      recorder.consent(id);
    }
    recorder.recordFor(RecordingPurpose.RESEARCH);
    recorder.startSession();
  }

  @Test
  void recorder_aSessionThatKeepsTheMethod_isHeardWithoutViolations_andRecordedInFull() {
    everyoneInAndStarted();
    recorder.contribute("L1", "Who has a case for us tonight?", ContributionKind.FACILITATION);
    clock.advanceMinutes(2);
    assertEquals(0, recorder.presentCase("m1", "The woman who always brings a list"));
    recorder.contribute("m1", "She always brings a list.", ContributionKind.FEELING);
    clock.advanceMinutes(12);
    recorder.enterPhase(Phase.QUESTIONS);
    recorder.contribute("m2", "How long has she been with you?", ContributionKind.QUESTION);
    clock.advanceMinutes(8);
    recorder.enterPhase(Phase.DISCUSSION);
    recorder.contribute(
        "m3", "I wonder whether the list protects her.", ContributionKind.SPECULATION);
    clock.advanceMinutes(45);
    recorder.enterPhase(Phase.PRESENTER_RETURNS);
    recorder.contribute("m1", "I had not seen how tired I was.", ContributionKind.FEELING);
    clock.advanceMinutes(5);
    recorder.enterPhase(Phase.CLOSING);
    recorder.contribute("L1", "Thank you.", ContributionKind.FACILITATION);
    clock.advanceMinutes(5);

    FinishedSession finished = recorder.finish();

    assertEquals(ImmutableList.of(), heard.violations);
    assertEquals(ImmutableList.of(), finished.report().violations());
    assertEquals(ImmutableList.of(), heard.warnings);
    Session session = finished.session();
    assertEquals(START, session.start());
    assertEquals(Optional.of(Duration.ofMinutes(77)), session.duration());
    assertEquals(6, session.contributions().size());
    assertEquals(
        START.plus(Duration.ofMinutes(2)), session.contributions().get(1).at().orElseThrow());
    assertEquals(Phase.DISCUSSION, session.contributions().get(3).phase());
    assertEquals(RecordingPurpose.RESEARCH, session.recording().orElseThrow().purpose());
    assertEquals(group(8).rosterIds().asList(), session.present());
    assertEquals(List.of(finished.session()), finished.record().sessions());
    assertEquals(
        List.of(
            "-1:OPENING",
            "0:PRESENTATION",
            "0:QUESTIONS",
            "0:DISCUSSION",
            "0:PRESENTER_RETURNS",
            "0:CLOSING"),
        heard.phases);
    assertEquals(SessionRecorder.State.FINISHED, recorder.state());
  }

  @Test
  void contribute_presenterInTheDiscussion_isHeardAtOnce_withTheSilencePrompt() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    heard.prompts.clear();

    ImmutableList<Violation> found =
        recorder.contribute("m1", "But I did ask her.", ContributionKind.FEELING);

    assertEquals(List.of("presenter.silence"), heard.ruleIds());
    assertEquals(found, heard.violations);
    assertEquals(OptionalInt.of(0), found.get(0).contributionIndex());
    assertEquals(Optional.of("s1"), found.get(0).sessionId());
    assertEquals(1, heard.prompts.size());
    assertEquals(Optional.of("presenter.silence"), heard.prompts.get(0).ruleId());
    assertEquals(
        Protocols.standard().rule("presenter.silence").orElseThrow().guidance(),
        heard.prompts.get(0).text());
  }

  @Test
  void contribute_codedKindWinsOverTheClassifier() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    assertEquals(
        ImmutableList.of(), recorder.contribute("m2", "I felt sad.", ContributionKind.FEELING));
    ImmutableList<Violation> found = recorder.contribute("m3", "I felt sad too.");
    assertEquals(List.of("discussion.clinical"), heard.ruleIds());
    assertEquals(OptionalInt.of(1), found.get(0).contributionIndex());
  }

  @Test
  void contribute_judgementAndNewCase_areHeardAtOnce() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    recorder.contribute("m2", "You shouldn't have given in.", ContributionKind.JUDGEMENT);
    recorder.contribute("m3", "I had a man just like her.", ContributionKind.NEW_CASE);
    assertEquals(List.of("discussion.judgement", "discussion.new-case"), heard.ruleIds());
    assertEquals(
        List.of(Optional.of("discussion.judgement"), Optional.of("discussion.new-case")),
        heard.prompts.subList(heard.prompts.size() - 2, heard.prompts.size()).stream()
            .map(Prompt::ruleId)
            .collect(ImmutableList.toImmutableList()));
  }

  @Test
  void startSession_groupViolations_areHeardAtTheStart() {
    SessionRecorder small = SessionRecorder.builder(group(7), "s1").clock(clock).build();
    Heard smallHeard = new Heard();
    small.addListener(smallHeard);
    small.startSession();
    assertEquals(List.of("group.size"), smallHeard.ruleIds());
    assertEquals(
        List.of(Optional.of("group.size"), Optional.empty()),
        smallHeard.prompts.stream().map(Prompt::ruleId).collect(ImmutableList.toImmutableList()));
    assertEquals(Optional.of(Phase.OPENING), smallHeard.prompts.get(1).phase());
  }

  @Test
  void finish_sessionLevelViolations_areHeardAtTheFinish() {
    recorder.markPresent("L1");
    recorder.markPresent("m1");
    recorder.markPresent("m2");
    recorder.startSession();
    recorder.presentCase("m1", "A case");
    recorder.contribute("m1", "She always brings a list.", ContributionKind.FEELING);
    assertEquals(List.of(), heard.ruleIds());

    FinishedSession finished = recorder.finish(START.plus(Duration.ofMinutes(60)));

    assertEquals(
        List.of("session.phase-order", "session.duration", "confidentiality.consent"),
        heard.ruleIds());
    assertEquals(finished.report().violations(), heard.violations);
  }

  @Test
  void refusals_contributionBeforeStartOrAfterFinish() {
    recorder.markPresent("m1");
    IllegalStateException before =
        assertThrows(IllegalStateException.class, () -> recorder.contribute("m1", "Hello."));
    assertEquals(
        "cannot record a contribution: the session has not started yet", before.getMessage());
    recorder.startSession();
    recorder.finish();
    IllegalStateException after =
        assertThrows(IllegalStateException.class, () -> recorder.contribute("m1", "Hello."));
    assertEquals("cannot record a contribution: the session has finished", after.getMessage());
    assertThrows(IllegalStateException.class, () -> recorder.markPresent("m2"));
    assertThrows(IllegalStateException.class, () -> recorder.enterPhase(Phase.CLOSING));
    assertThrows(IllegalStateException.class, recorder::finish);
    assertThrows(IllegalStateException.class, recorder::startSession);
  }

  @Test
  void refusals_someoneAbsentSpeakingOrPresenting() {
    recorder.markPresent("L1");
    recorder.startSession();
    IllegalArgumentException speaking =
        assertThrows(IllegalArgumentException.class, () -> recorder.contribute("m4", "Hello."));
    assertEquals(
        "m4 is not marked present; mark them present before they speak", speaking.getMessage());
    assertThrows(IllegalArgumentException.class, () -> recorder.presentCase("m4", "A case"));
    recorder.markPresent("m4");
    assertEquals(0, recorder.presentCase("m4", "A case"));
  }

  @Test
  void refusals_phaseGoingBackWithinACase_orAPhaseBeforeAnyCase() {
    recorder.markPresent("m1");
    recorder.startSession();
    IllegalStateException noCase =
        assertThrows(IllegalStateException.class, () -> recorder.enterPhase(Phase.DISCUSSION));
    assertEquals(
        "no case has been presented yet, so the session cannot enter the discussion; present a case"
            + " first",
        noCase.getMessage());
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    IllegalArgumentException back =
        assertThrows(IllegalArgumentException.class, () -> recorder.enterPhase(Phase.QUESTIONS));
    assertEquals(
        "case 1 is in the discussion and cannot go back to the questions", back.getMessage());
    recorder.enterPhase(Phase.DISCUSSION);
    assertEquals(Phase.DISCUSSION, recorder.currentPhase());
  }

  @Test
  void refusals_openingContributionsWithoutACase_cannotFinish() {
    recorder.markPresent("L1");
    recorder.startSession();
    recorder.contribute("L1", "Who has a case?", ContributionKind.FACILITATION);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, recorder::finish);
    assertTrue(thrown.getMessage().startsWith("1 contribution recorded but no case was presented"));
    recorder.presentCase("L1", "The leader's own case");
    assertEquals(0, recorder.finish().session().contributions().get(0).caseIndex());
  }

  @Test
  void refusals_idsNotOnTheRoster_whereTheyAreTyped() {
    IllegalArgumentException present =
        assertThrows(IllegalArgumentException.class, () -> recorder.markPresent("m10"));
    assertEquals("m10 is not on the roster of group riverside", present.getMessage());
    assertThrows(IllegalArgumentException.class, () -> recorder.consent("m10"));
    recorder.startSession();
    IllegalArgumentException speaker =
        assertThrows(IllegalArgumentException.class, () -> recorder.contribute("m10", "Hello."));
    assertEquals(
        "m10 is not on the roster of group riverside, so cannot speak", speaker.getMessage());
    assertEquals(List.of(), recorder.presentIds());
  }

  @Test
  void markAbsent_takesBackAPresence_butNotOfSomeoneWhoSpokeOrPresented() {
    recorder.markPresent("m1");
    recorder.markPresent("m2");
    recorder.markPresent("m3");
    recorder.markAbsent("m3");
    assertEquals(List.of("m1", "m2"), recorder.presentIds());
    recorder.startSession();
    recorder.presentCase("m1", "A case");
    recorder.contribute("m2", "She always brings a list.", ContributionKind.FEELING);
    IllegalArgumentException spoke =
        assertThrows(IllegalArgumentException.class, () -> recorder.markAbsent("m2"));
    assertEquals(
        "m2 has spoken in this session (1 contribution), so they were present", spoke.getMessage());
    assertThrows(IllegalArgumentException.class, () -> recorder.markAbsent("m1"));
    assertThrows(IllegalArgumentException.class, () -> recorder.markAbsent("m3"));
    assertEquals(List.of("m1", "m2"), recorder.finish().session().present());
  }

  @Test
  void startSession_saysWhoHasNotConsented_andWhatWillBeKept() {
    recorder.markPresent("L1");
    recorder.markPresent("m1");
    recorder.markPresent("m2");
    recorder.recordFor(RecordingPurpose.RESEARCH);
    recorder.consent("L1");
    recorder.startSession();
    assertEquals(
        List.of(
            "Not everyone present consented to the recording for research (missing: Dr Member 1"
                + " (m1), Dr Member 2 (m2)): unless they consent before the end, only attendance"
                + " and the case titles will be kept, not what is said."),
        heard.notices);
    assertEquals(List.of("m1", "m2"), recorder.missingConsent());
  }

  @Test
  void startSession_withoutARecording_saysOnlyAttendanceWillBeKept() {
    recorder.markPresent("L1");
    recorder.startSession();
    assertEquals(
        List.of(
            "No recording is declared: attendance and the case titles will be kept, not what is"
                + " said."),
        heard.notices);
  }

  @Test
  void finish_keptSession_leavesOutWhatWasSaidWithoutEveryonesConsent() {
    recorder.markPresent("L1");
    recorder.markPresent("m1");
    recorder.recordFor(RecordingPurpose.RESEARCH);
    recorder.consent("L1");
    recorder.startSession();
    recorder.presentCase("m1", "A case");
    recorder.contribute("m1", "She always brings a list.", ContributionKind.FEELING);
    recorder.consent("m1");
    recorder.markPresent("m2");

    KeptSession kept = recorder.finish().kept();

    assertEquals(1, kept.contributionsLeftOut());
    assertEquals(List.of(), kept.session().contributions());
    assertEquals(Optional.empty(), kept.session().recording());
    assertEquals(List.of("L1", "m1", "m2"), kept.session().present());
    assertEquals(
        List.of(
            "Not everyone consented to the recording (missing: Dr Member 2 (m2)): attendance and"
                + " the case titles are kept, the contributions are not."),
        kept.notices());
    assertTrue(kept.violations().stream().allMatch(v -> v.sessionId().equals(Optional.of("s1"))));
  }

  @Test
  void finish_keptSession_isRedacted_andValidatedAsKept() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "Mrs Jane Smith, who always brings a list");
    recorder.enterPhase(Phase.DISCUSSION);
    recorder.contribute("m2", "Her number is 943 476 5919.", ContributionKind.FEELING);

    FinishedSession finished = recorder.finish();
    KeptSession kept = finished.kept();

    assertTrue(kept.redacted());
    assertEquals(1, kept.session().contributions().size());
    assertEquals("Her number is [NHS-NUMBER].", kept.session().contributions().get(0).text());
    assertTrue(
        finished.report().violations().stream()
            .anyMatch(v -> v.ruleId().equals("confidentiality.identifier")));
    assertTrue(
        kept.violations().stream().noneMatch(v -> v.ruleId().equals("confidentiality.identifier")),
        kept.violations()::toString);
  }

  @Test
  void refusals_finishBeforeTheStart() {
    recorder.startSession();
    assertThrows(IllegalArgumentException.class, () -> recorder.finish(START.minusSeconds(1)));
  }

  @Test
  void timing_elapsedAndRemaining_forThePhaseAndTheSession() {
    everyoneInAndStarted();
    clock.advanceMinutes(3);
    recorder.presentCase("m1", "A case");
    clock.advanceMinutes(11);
    Timing timing = recorder.timing();
    assertEquals(Phase.PRESENTATION, timing.phase());
    assertEquals(OptionalInt.of(0), timing.caseIndex());
    assertEquals(Duration.ofMinutes(11), timing.phaseElapsed());
    assertEquals(Optional.of(Duration.ofMinutes(4)), timing.phaseRemaining());
    assertEquals(Duration.ofMinutes(14), timing.sessionElapsed());
    assertEquals(Duration.ofMinutes(76), timing.sessionRemaining());
    assertEquals(ImmutableList.of(), heard.warnings);
  }

  @Test
  void tick_phaseOverrun_warnsOnceForThatPhase() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    clock.advanceMinutes(45);
    recorder.tick();
    assertEquals(ImmutableList.of(), heard.warnings, "45 minutes is within the plan");
    clock.advanceMinutes(2);
    recorder.tick();
    recorder.contribute("m2", "I felt for her.", ContributionKind.FEELING);
    recorder.tick();
    assertEquals(1, heard.warnings.size());
    TimingWarning warning = heard.warnings.get(0);
    assertEquals(
        "The discussion has run 47 minutes; at most 45 minutes were planned.", warning.message());
    assertEquals(Optional.of(Phase.DISCUSSION), warning.phase());
    assertEquals(OptionalInt.of(0), warning.caseIndex());
    assertEquals(Duration.ofMinutes(45), warning.planned());
    assertEquals(Duration.ofMinutes(47), warning.elapsed());
    assertEquals(Optional.of(Duration.ofMinutes(-2)), recorder.timing().phaseRemaining());
  }

  @Test
  void tick_overrunNoticedWhenThePhaseChanges_andSessionOverrunWarnsOnce() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    clock.advanceMinutes(20);
    recorder.enterPhase(Phase.QUESTIONS);
    assertEquals(1, heard.warnings.size());
    assertEquals(Optional.of(Phase.PRESENTATION), heard.warnings.get(0).phase());
    clock.advanceMinutes(71);
    recorder.tick();
    recorder.tick();
    assertEquals(3, heard.warnings.size(), heard.warnings.toString());
    assertEquals(Optional.of(Phase.QUESTIONS), heard.warnings.get(1).phase());
    TimingWarning session = heard.warnings.get(2);
    assertEquals("The session has run 91 minutes, past its planned 90 minutes.", session.message());
    assertEquals(Optional.empty(), session.phase());
  }

  @Test
  void enterPhase_promptsDrawnFromTheMethod() {
    everyoneInAndStarted();
    recorder.presentCase("m1", "A case");
    recorder.enterPhase(Phase.DISCUSSION);
    Prompt discussion = heard.prompts.get(heard.prompts.size() - 1);
    assertEquals(Optional.of(Phase.DISCUSSION), discussion.phase());
    assertTrue(discussion.text().contains("push back"), discussion.text());
    assertTrue(discussion.text().contains("not about right or wrong practice"), discussion.text());
    for (Phase phase : Phase.values()) {
      assertEquals(Optional.of(phase), FacilitatorPrompts.forPhase(phase).phase());
    }
  }

  @Test
  void builder_malformedSessionId_isRefused() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> SessionRecorder.builder(group(8), "a b"));
    assertEquals(
        "sessionId must be 1-64 characters of [A-Za-z0-9._-], but was \"a b\"",
        thrown.getMessage());
  }
}
