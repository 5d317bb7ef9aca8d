package org.balint.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Classification throughput of the fitted model (the default classifier without the neural module)
 * and of the standard lexicon. One operation is one pass over the whole corpus (the 240
 * contributions of the development corpus by default). The figures are in {@code
 * docs/performance.md}.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * java -jar balint-benchmarks/target/benchmarks.jar Classif -wi 5 -i 5 -f 2 -w 1 -r 2
 * </pre>
 *
 * <p>Another JSON Lines corpus (fields {@code text}, optional {@code phase} and {@code role}) can
 * be given with {@code -p corpus=PATH}. On a machine shared with other work, where one JMH run's
 * figures move by a third, {@link ClassifierTiming} gives a steadier ratio of the two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {
  /** The corpus to classify, relative to the working directory. */
  @Param(ClassifierCorpus.DEVELOPMENT)
  public String corpus;

  private ClassifierCorpus texts;
  private ContributionClassifier classifier;
  private ContributionClassifier standard;

  /**
   * Reads the corpus and loads the classifiers, outside the measurement.
   *
   * @throws IOException if the corpus cannot be read
   */
  @Setup
  public void load() throws IOException {
    texts = ClassifierCorpus.read(corpus);
    classifier = ContributionClassifiers.fitted();
    standard = ContributionClassifiers.standard();
  }

  /**
   * Classifies every text of the corpus with its phase and role, with the fitted model.
   *
   * @param sink consumes each classification
   */
  @Benchmark
  public void classify(Blackhole sink) {
    classifyAll(classifier, sink);
  }

  /**
   * Classifies every text of the corpus with its phase and role, with the standard lexicon.
   *
   * @param sink consumes each classification
   */
  @Benchmark
  public void classifyStandard(Blackhole sink) {
    classifyAll(standard, sink);
  }

  private void classifyAll(ContributionClassifier chosen, Blackhole sink) {
    for (int i = 0; i < texts.texts.length; i++) {
      sink.consume(texts.classify(chosen, i));
    }
  }
}
