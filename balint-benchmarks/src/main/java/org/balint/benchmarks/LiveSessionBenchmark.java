package org.balint.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.balint.group.Group;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.live.FinishedSession;
import org.balint.live.SessionRecorder;
import org.balint.method.Protocols;
import org.balint.session.Phase;
import org.balint.session.RecordingPurpose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of a live session per contribution, for a short session and a very long one: one
 * operation records a whole session through {@link SessionRecorder} (attendance, consent, a case
 * through every phase, {@code contributions} contributions, mostly in the discussion, and the
 * finish with its validation of the finished session). Dividing the time of an operation by the
 * number of contributions gives the cost of one contribution; the recorder's requirement is that it
 * does not grow with the session's length (the 5,000-contribution session costs at most a small
 * factor more per contribution than the 50-contribution one).
 *
 * <p>The texts repeat, and the recorder remembers the classifier's answer for a text in a phase and
 * role, so the figure is the cost of the recorder and the protocol's rules, not of classification
 * (which is the same for every contribution: {@link ClassifierBenchmark}).
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * java -jar balint-benchmarks/target/benchmarks.jar LiveSession -wi 3 -i 5 -f 1 -w 2 -r 2
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LiveSessionBenchmark {
  private static final List<String> TEXTS =
      List.of(
          "I felt quite irritated listening to her.",
          "I wonder whether she is testing if he will abandon her too.",
          "How long has she been on your list?",
          "Has anyone checked her thyroid function?",
          "I had a man exactly like this last year.",
          "Perhaps the doctor is caught between them, the way the daughter is.",
          "Can we stay with how the doctor felt?");

  /** How many contributions the session has. */
  @Param({"50", "5000"})
  public int contributions;

  private Group group;

  /** Builds the group (L1 and m1 to m9), outside the measurement. */
  @Setup
  public void group() {
    group = StoreImportBenchmark.document("riverside").group();
  }

  /**
   * Records one whole session.
   *
   * @return the finished session
   */
  @Benchmark
  public FinishedSession recordSession() {
    SessionRecorder recorder = started(group, ContributionClassifiers.defaultClassifier());
    recorder.contribute("L1", "Who has a case for us tonight?");
    recorder.presentCase("m1", "The woman who always brings a list");
    int questions = contributions / 10;
    int returns = contributions - contributions / 20;
    for (int i = 1; i < contributions; i++) {
      if (i == 2) {
        recorder.enterPhase(Phase.QUESTIONS);
      } else if (i == questions + 2) {
        recorder.enterPhase(Phase.DISCUSSION);
      } else if (i == returns) {
        recorder.enterPhase(Phase.PRESENTER_RETURNS);
      }
      String speaker = i == 1 || i >= returns ? "m1" : "m" + (2 + i % 8);
      recorder.contribute(speaker, TEXTS.get(i % TEXTS.size()));
    }
    return recorder.finish();
  }

  /**
   * A recorder of a research session of the standard protocol with everyone present and consenting,
   * started (in the opening).
   *
   * @param group the group
   * @param classifier decides the kinds of contributions
   * @return the recorder
   */
  static SessionRecorder started(Group group, ContributionClassifier classifier) {
    SessionRecorder recorder =
        SessionRecorder.builder(group, "s1")
            .protocol(Protocols.standard())
            .classifier(classifier)
            .clock(new SteppingClock())
            .build();
    recorder.recordFor(RecordingPurpose.RESEARCH);
    for (String id : group.rosterIds()) {
      recorder.markPresent(id);
      recorder.consent(id);
    }
    recorder.startSession();
    return recorder;
  }

  /** A clock that moves on a second each time it is read, so that every move has its own time. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-11-20T18:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("always UTC");
    }

    @Override
    public Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }
}
