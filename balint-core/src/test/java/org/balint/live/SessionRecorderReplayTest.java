package org.balint.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.method.NameDetector;
import org.balint.method.PatientIdentifierRule;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.privacy.IdentifierDetector;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

/**
 * Replaying a session event by event through the recorder tells listeners exactly the violations
 * that validating the finished session yields.
 */
class SessionRecorderReplayTest {
  private static final Instant START = Instant.parse("2026-11-20T18:00:00Z");

  private static final String NAME = "Mrs Jane Smith";

  private static final IdentifierDetector DETECTOR = new NameDetector(NAME);

  /** Decides by keyword, phase and role, so that uncoded contributions matter. */
  private static final ContributionClassifier CLASSIFIER =
      (text, phase, role) -> {
        ContributionKind kind;
        if (text.contains("thyroid")) {
          kind = ContributionKind.CLINICAL;
        } else if (text.contains("patient of mine")) {
          kind = ContributionKind.NEW_CASE;
        } else if (text.contains("shouldn't")) {
          kind = ContributionKind.JUDGEMENT;
        } else if (role.equals(Optional.of(SpeakerRole.LEADER))) {
          kind = ContributionKind.FACILITATION;
        } else if (phase.equals(Optional.of(Phase.DISCUSSION))
            && role.equals(Optional.of(SpeakerRole.PRESENTER))) {
          kind = ContributionKind.CLINICAL;
        } else {
          kind = ContributionKind.FEELING;
        }
        return Classification.builder().kind(kind).build();
      };

  private static final String[] TEXTS = {
    "I felt irritated listening to her.",
    "Has anyone checked her thyroid?",
    "That reminds me of a patient of mine.",
    "You shouldn't have given in to her.",
    "I wonder what " + NAME + " wants from him.",
    "Can we stay with the doctor's feelings?",
  };

  private static final ContributionKind[] KINDS = ContributionKind.values();
  private static final LeaderTraining[] TRAINING = LeaderTraining.values();

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static Group randomGroup(Random random) {
    Group.Builder group = Group.builder().id("riverside").name("Riverside");
    int leaders = random.nextInt(4);
    for (int i = 1; i <= leaders; i++) {
      group.addLeader(
          Leader.builder()
              .id("L" + i)
              .name("Dr Leader " + i)
              .profession(Profession.PSYCHOTHERAPIST)
              .training(TRAINING[random.nextInt(TRAINING.length)])
              .build());
    }
    int members = random.nextInt(13);
    for (int i = 1; i <= members; i++) {
      group.addMember(
          Member.builder().id("m" + i).name("Dr Member " + i).profession(Profession.GP).build());
    }
    return group.build();
  }

  private static Contribution randomContribution(
      Random random, List<String> present, Phase phase, int caseIndex) {
    Contribution.Builder contribution =
        Contribution.builder()
            .speaker(pick(random, present))
            .phase(phase)
            .text(TEXTS[random.nextInt(TEXTS.length)])
            .caseIndex(caseIndex);
    if (random.nextBoolean()) {
      contribution.kind(KINDS[random.nextInt(KINDS.length)]);
    }
    return contribution.build();
  }

  /**
   * A session the recorder can take: those present on the roster, speakers and presenters present,
   * cases one after another, phases never going back within a case, opening contributions only
   * before the first case.
   */
  private static Session randomSession(Random random, Group group) {
    List<String> present = new ArrayList<>();
    for (String id : group.rosterIds()) {
      if (random.nextInt(5) > 0) {
        present.add(id);
      }
    }
    Session.Builder session =
        Session.builder()
            .id("s1")
            .start(START)
            .end(START.plus(Duration.ofMinutes(60 + random.nextInt(70))))
            .present(present);
    if (random.nextInt(3) > 0) {
      List<String> consent = new ArrayList<>();
      for (String id : present) {
        if (random.nextInt(6) > 0) {
          consent.add(id);
        }
      }
      session.recording(
          Recording.builder()
              .purpose(
                  random.nextBoolean()
                      ? RecordingPurpose.RESEARCH
                      : RecordingPurpose.LEADER_SUPERVISION)
              .consent(consent)
              .build());
    }
    int cases = present.isEmpty() ? 0 : random.nextInt(4);
    if (cases > 0) {
      int opening = random.nextInt(3);
      for (int i = 0; i < opening; i++) {
        session.addContribution(randomContribution(random, present, Phase.OPENING, 0));
      }
    }
    for (int k = 0; k < cases; k++) {
      session.addCase(
          Case.builder()
              .presenter(pick(random, present))
              .title(random.nextInt(6) == 0 ? NAME + "'s list" : "Case " + k)
              .build());
      int phase = Phase.PRESENTATION.ordinal();
      int contributions = random.nextInt(12);
      for (int i = 0; i < contributions; i++) {
        if (random.nextInt(3) == 0) {
          phase = Math.min(Phase.CLOSING.ordinal(), phase + 1 + random.nextInt(2));
        }
        session.addContribution(randomContribution(random, present, Phase.values()[phase], k));
      }
    }
    return session.build();
  }

  /** The contributions with their times removed, as the generator made them. */
  private static ImmutableList<Contribution> untimed(List<Contribution> contributions) {
    return contributions.stream()
        .map(contribution -> contribution.withAt(Optional.empty()))
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void replay_tellsExactlyTheViolationsOfTheFinishedSession() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              Protocol protocol =
                  Protocols.byName(pick(random, Protocols.names().asList()))
                      .orElseThrow()
                      .withRule(new PatientIdentifierRule(DETECTOR));
              Group group = randomGroup(random);
              Session expected = randomSession(random, group);
              ValidationReport validated =
                  protocol.validate(
                      GroupRecord.builder().group(group).addSession(expected).build(), CLASSIFIER);

              TestClock clock = new TestClock(START);
              Heard heard = new Heard();
              SessionRecorder recorder =
                  SessionRecorder.builder(group, "s1")
                      .protocol(protocol)
                      .classifier(CLASSIFIER)
                      .clock(clock)
                      .build();
              recorder.addListener(heard);
              expected.present().forEach(recorder::markPresent);
              expected
                  .recording()
                  .ifPresent(
                      recording -> {
                        recorder.recordFor(recording.purpose());
                        recording.consent().forEach(recorder::consent);
                      });
              recorder.startSession();
              List<Violation> toldPerContribution = new ArrayList<>();
              int currentCase = -1;
              for (Contribution contribution : expected.contributions()) {
                if (contribution.phase() != Phase.OPENING) {
                  while (currentCase < contribution.caseIndex()) {
                    currentCase++;
                    Case presented = expected.cases().get(currentCase);
                    recorder.presentCase(presented.presenter(), presented.title());
                  }
                  recorder.enterPhase(contribution.phase());
                }
                clock.advance(Duration.ofSeconds(random.nextInt(300)));
                toldPerContribution.addAll(
                    contribution.kind().isPresent()
                        ? recorder.contribute(
                            contribution.speaker(), contribution.text(), contribution.kind().get())
                        : recorder.contribute(contribution.speaker(), contribution.text()));
              }
              while (currentCase < expected.cases().size() - 1) {
                currentCase++;
                Case presented = expected.cases().get(currentCase);
                recorder.presentCase(presented.presenter(), presented.title());
              }
              FinishedSession finished = recorder.finish(expected.end().orElseThrow());

              assertEquals(validated, finished.report());
              assertEquals(
                  HashMultiset.create(validated.violations()),
                  HashMultiset.create(heard.violations));
              assertEquals(
                  validated.violations().stream()
                      .filter(v -> v.contributionIndex().isPresent())
                      .collect(ImmutableList.toImmutableList()),
                  toldPerContribution,
                  "each contribution's violations are told as it is made");
              assertEquals(
                  expected.withContributions(untimed(finished.session().contributions())),
                  finished
                      .session()
                      .withContributions(untimed(finished.session().contributions())));
              assertEquals(expected.contributions(), untimed(finished.session().contributions()));
            });
  }
}
