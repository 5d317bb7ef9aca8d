package org.balint.benchmarks;

import java.io.IOException;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.balint.classifier.onnx.NeuralClassifiers;
import org.balint.group.Group;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.live.FinishedSession;
import org.balint.live.SessionRecorder;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a contribution costs in a live session with each classifier deciding its kind: one
 * invocation records a whole session through {@link SessionRecorder} (attendance, consent, a case,
 * the first {@value #CONTRIBUTIONS} contributions of the unread held-out sets, each in its own
 * phase and said by someone of its role, and the finish with its validation), and JMH reports the
 * time per contribution. The texts are all different, so every contribution is classified (the
 * recorder remembers an answer only for the same text in the same phase and role); the encoder is
 * loaded in the set-up, outside the measurement. The requirement is that a contribution costs under
 * 50 ms with the cascade, the command line's default.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * java -jar balint-benchmarks/target/benchmarks.jar LiveClassification -wi 2 -i 5 -f 1 -w 5 -r 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiveClassificationBenchmark {
  /** The contributions of a session (and of a batch in {@link BatchClassificationBenchmark}). */
  static final int CONTRIBUTIONS = 100;

  /** Which classifier decides: the names of the command line's {@code --classifier}. */
  @Param({"fast", "cascade", "neural"})
  public String classifier;

  private ContributionClassifier chosen;
  private ClassifierCorpus corpus;

  /** The corpus's indexes in phase order, the order a session says them in. */
  private int[] order;

  private Group group;

  /**
   * The classifier a {@code --classifier} name chooses.
   *
   * @param name {@code fast}, {@code cascade} or {@code neural}
   * @return the classifier
   */
  static ContributionClassifier named(String name) {
    switch (name) {
      case "fast":
        return ContributionClassifiers.fitted();
      case "cascade":
        return NeuralClassifiers.cascade();
      case "neural":
        return NeuralClassifiers.neural();
      default:
        throw new IllegalArgumentException("no classifier named " + name);
    }
  }

  /**
   * Reads the texts, builds the group and loads the classifier, outside the measurement.
   *
   * @throws IOException if the held-out sets cannot be read
   */
  @Setup
  public void load() throws IOException {
    chosen = named(classifier);
    corpus = ClassifierCorpus.unread(CONTRIBUTIONS);
    order =
        IntStream.range(0, CONTRIBUTIONS)
            .boxed()
            .sorted(Comparator.comparing(i -> corpus.phases.get(i).orElseThrow()))
            .mapToInt(Integer::intValue)
            .toArray();
    group = StoreImportBenchmark.document("riverside").group();
    // The encoder loads on its first classification; not in the measurement.
    NeuralClassifiers.neural().classify("I wonder.");
  }

  /**
   * Records one whole session.
   *
   * @return the finished session
   */
  @Benchmark
  @OperationsPerInvocation(CONTRIBUTIONS)
  public FinishedSession recordSession() {
    SessionRecorder recorder = LiveSessionBenchmark.started(group, chosen);
    recorder.presentCase("m1", "The woman who always brings a list");
    for (int turn = 0; turn < order.length; turn++) {
      int i = order[turn];
      Phase phase = corpus.phases.get(i).orElseThrow();
      if (phase.compareTo(recorder.currentPhase()) > 0) {
        recorder.enterPhase(phase);
      }
      // The leader L1, the presenter m1, or one of the members m2 to m9 in turn.
      SpeakerRole role = corpus.roles.get(i).orElse(SpeakerRole.MEMBER);
      String speaker =
          role == SpeakerRole.LEADER
              ? "L1"
              : role == SpeakerRole.PRESENTER ? "m1" : "m" + (2 + turn % 8);
      recorder.contribute(speaker, corpus.texts[i]);
    }
    return recorder.finish();
  }
}
