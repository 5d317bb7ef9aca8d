package org.balint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.SessionKinds;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  /** A classifier that must not be asked: every contribution in these tests is coded. */
  private static final ContributionClassifier NEVER =
      (text, phase, role) -> {
        throw new AssertionError("asked to classify a coded contribution: " + text);
      };

  private static final Group GROUP =
      Group.builder()
          .id("g")
          .name("Test group")
          .addLeaders(
              Leader.builder()
                  .id("L1")
                  .name("Dr L")
                  .profession(Profession.GP)
                  .training(LeaderTraining.ACCREDITED)
                  .build())
          .addMembers(member("m1"), member("m2"), member("m3"), member("m4"))
          .build();

  private static Member member(String id) {
    return Member.builder().id(id).name("Dr " + id).profession(Profession.GP).build();
  }

  private static Contribution said(
      String speaker, Phase phase, ContributionKind kind, String text) {
    return Contribution.builder().speaker(speaker).phase(phase).kind(kind).text(text).build();
  }

  private static Session session(Contribution... contributions) {
    return Session.builder()
        .id("s1")
        .start(Instant.parse("2026-11-20T18:00:00Z"))
        .addPresent("L1", "m1", "m2", "m3", "m4")
        .recording(
            Recording.builder()
                .purpose(RecordingPurpose.RESEARCH)
                .addConsent("L1", "m1", "m2", "m3", "m4")
                .build())
        .addCases(Case.builder().presenter("m1").title("A case").build())
        .addContributions(contributions)
        .build();
  }

  private static final Session SESSION =
      session(
          said("L1", Phase.OPENING, ContributionKind.FACILITATION, "Who has a case?"),
          said("m1", Phase.PRESENTATION, ContributionKind.FEELING, "She made me uneasy."),
          said("m2", Phase.QUESTIONS, ContributionKind.QUESTION, "How old is she?"),
          said("m3", Phase.QUESTIONS, ContributionKind.CLINICAL, "Has she had bloods?"),
          said("m2", Phase.DISCUSSION, ContributionKind.SPECULATION, "Perhaps she is testing him."),
          said("m1", Phase.DISCUSSION, ContributionKind.FEELING, "I felt judged."),
          said("m3", Phase.DISCUSSION, ContributionKind.JUDGEMENT, "You should have said no."),
          said("m2", Phase.PRESENTER_RETURNS, ContributionKind.FEELING, "I feel for them both."));

  @Test
  void kindMix_countsKindsAfterThePresentationOnly() {
    KindMix mix = KindMix.of(SessionKinds.of(GROUP, SESSION, NEVER));

    assertEquals(6, mix.total());
    assertEquals(2, mix.count(ContributionKind.FEELING));
    assertEquals(1, mix.count(Phase.DISCUSSION, ContributionKind.FEELING));
    assertEquals(0, mix.count(ContributionKind.FACILITATION), "the opening is not counted");
    assertEquals(1.0 / 6, mix.share(ContributionKind.CLINICAL), 1e-12);
  }

  @Test
  void fidelity_countsClinicalJudgementAndThePresenterBreakingSilence() {
    SessionKinds kinds = SessionKinds.of(GROUP, SESSION, NEVER);
    ValidationReport report =
        Protocols.standard()
            .validate(GroupRecord.builder().group(GROUP).addSessions(SESSION).build(), NEVER);

    Fidelity fidelity = Fidelity.of(kinds, report);

    assertEquals(6, fidelity.afterPresentation());
    assertEquals(
        3, fidelity.offMethod(), "clinical, judgement, and the presenter in the discussion");
    assertEquals(0.5, fidelity.index(), 1e-12);
    assertFalse(fidelity.presenterSilenceKept());
    assertEquals(
        report.violationsOf("s1").stream().filter(v -> v.severity().name().equals("ERROR")).count(),
        fidelity.errors());
  }

  @Test
  void fidelity_ofASessionWithNothingAfterThePresentation_isOne() {
    Session quiet =
        session(said("m1", Phase.PRESENTATION, ContributionKind.FEELING, "She made me uneasy."));
    ValidationReport report =
        Protocols.standard()
            .validate(GroupRecord.builder().group(GROUP).addSessions(quiet).build(), NEVER);

    Fidelity fidelity = Fidelity.of(SessionKinds.of(GROUP, quiet, NEVER), report);

    assertEquals(1.0, fidelity.index());
    assertTrue(fidelity.presenterSilenceKept());
  }

  @Test
  void participation_countsTurnsAndWordsAndFindsSilentMembers() {
    Participation participation = Participation.of(GROUP, SESSION);

    assertEquals(3, participation.turns().get("m2"));
    assertEquals(0, participation.turns().get("m4"));
    assertEquals(4 + 5 + 5, participation.words().get("m2"));
    assertEquals(ImmutableList.of("m4"), participation.silentMembers());
  }

  @Test
  void gini_ofEqualCountsIsZeroAndOfOneSpeakerIsMaximal() {
    assertEquals(0.0, AbstractParticipation.gini(new int[] {3, 3, 3, 3}), 1e-12);
    assertEquals(0.75, AbstractParticipation.gini(new int[] {0, 0, 0, 8}), 1e-12);
    assertEquals(0.0, AbstractParticipation.gini(new int[] {0, 0}), 1e-12);
  }

  @Test
  void gini_isBetweenZeroAndOneAndIgnoresOrder() {
    qt().forAll(arrays().ofIntegers(integers().between(0, 50)).withLengthBetween(1, 12))
        .checkAssert(
            counts -> {
              int[] values = new int[counts.length];
              for (int i = 0; i < counts.length; i++) {
                values[i] = counts[i];
              }
              double gini = AbstractParticipation.gini(values);
              assertTrue(gini >= -1e-12 && gini < 1.0, "gini " + gini);
              int[] reversed = new int[values.length];
              for (int i = 0; i < values.length; i++) {
                reversed[i] = values[values.length - 1 - i];
              }
              assertEquals(gini, AbstractParticipation.gini(reversed), 1e-12);
            });
  }

  @Test
  void sessionKinds_codedKindWinsAndClassifierIsAskedWithPhaseAndRole() {
    Session mixed =
        session(
            said("m1", Phase.PRESENTATION, ContributionKind.FEELING, "She made me uneasy."),
            Contribution.builder()
                .speaker("m2")
                .phase(Phase.DISCUSSION)
                .text("Uncoded words")
                .build());
    ContributionClassifier asked =
        (text, phase, role) -> {
          assertEquals(Optional.of(Phase.DISCUSSION), phase);
          assertEquals(Optional.of(org.balint.session.SpeakerRole.MEMBER), role);
          return Classification.builder().kind(ContributionKind.SPECULATION).build();
        };

    SessionKinds kinds = SessionKinds.of(GROUP, mixed, asked);

    assertEquals(ContributionKind.FEELING, kinds.kindOf(0));
    assertEquals(ContributionKind.SPECULATION, kinds.kindOf(1));
  }

  @Test
  void wordsIn_runsOfLettersAndDigitsByCodePoint() {
    assertEquals(2, Participation.wordsIn("don't"));
    assertEquals(0, Participation.wordsIn(" \u2014 "));
    // e + combining acute is one word; a letter outside the Basic Multilingual Plane is a letter.
    assertEquals(2, Participation.wordsIn("cafe\u0301s \uD835\uDC00bc"));
    assertEquals(3, Participation.wordsIn("I felt \uD83D\uDE22 sad"));
  }
}
