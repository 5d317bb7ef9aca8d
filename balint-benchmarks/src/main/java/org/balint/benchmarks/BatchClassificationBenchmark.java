package org.balint.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.balint.classifier.onnx.NeuralClassifiers;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
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
 * Batch classification on one thread beside every processor, as the command line's batch commands
 * ({@code classify}, {@code validate}, {@code tables}, {@code qda export --suggest}, {@code
 * report}, {@code import}) classify: one invocation decides the first {@value
 * LiveClassificationBenchmark#CONTRIBUTIONS} contributions of the unread held-out sets, either in a
 * plain loop ({@code threads=1}) or as a parallel stream over the common fork-join pool, the
 * calling thread included ({@code threads=all}: what the commands do). JMH reports contributions a
 * second; the ratio of the two rows of one classifier is the speed-up.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * java -jar balint-benchmarks/target/benchmarks.jar BatchClassification -wi 2 -i 5 -f 1 -w 5 -r 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchClassificationBenchmark {
  /** Which classifier decides: the names of the command line's {@code --classifier}. */
  @Param({"fast", "cascade", "neural"})
  public String classifier;

  /** {@code 1}: a plain loop; {@code all}: a parallel stream on every processor. */
  @Param({"1", "all"})
  public String threads;

  /** How many contributions of the unread sets one invocation classifies. */
  int contributions = LiveClassificationBenchmark.CONTRIBUTIONS;

  private ContributionClassifier chosen;
  private ClassifierCorpus corpus;
  private boolean parallel;

  /**
   * Reads the texts and loads the classifier, outside the measurement.
   *
   * @throws IOException if the held-out sets cannot be read
   */
  @Setup
  public void load() throws IOException {
    chosen = LiveClassificationBenchmark.named(classifier);
    corpus = ClassifierCorpus.unread(contributions);
    if (!threads.equals("1") && !threads.equals("all")) {
      throw new IllegalArgumentException("threads is 1 or all, not " + threads);
    }
    parallel = threads.equals("all");
    NeuralClassifiers.neural().classify("I wonder.");
  }

  /**
   * Classifies the batch.
   *
   * @return the classifications, in input order
   */
  @Benchmark
  @OperationsPerInvocation(LiveClassificationBenchmark.CONTRIBUTIONS)
  public Classification[] classifyBatch() {
    Classification[] results = new Classification[corpus.texts.length];
    IntStream indexes = IntStream.range(0, results.length);
    (parallel ? indexes.parallel() : indexes).forEach(i -> results[i] = corpus.classify(chosen, i));
    return results;
  }
}
