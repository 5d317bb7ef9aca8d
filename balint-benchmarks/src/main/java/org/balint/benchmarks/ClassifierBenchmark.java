package org.balint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
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
 * Classification throughput of the standard classifier beside a baseline that only lower-cases
 * each text and scans it once. One operation is one pass over the whole corpus (the 240
 * contributions of the development corpus by default). The requirement is that {@code classify}
 * reaches at least half of {@code baselineLowerCaseScan}'s throughput in the same run. The figures,
 * and how the classifier's hot path is built, are in {@code docs/performance.md}.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * java -jar balint-benchmarks/target/benchmarks.jar Classif -wi 5 -i 5 -f 2 -w 1 -r 2
 * </pre>
 *
 * <p>Another JSON Lines corpus (fields {@code text}, optional {@code phase} and {@code role}) can
 * be given with {@code -p corpus=PATH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {
  /** The corpus to classify, relative to the working directory. */
  @Param("balint-core/src/test/resources/org/balint/language/contributions-dev.jsonl")
  public String corpus;

  private String[] texts;
  private List<Optional<Phase>> phases;
  private List<Optional<SpeakerRole>> roles;
  private ContributionClassifier classifier;

  /**
   * Reads the corpus and loads the standard classifier, outside the measurement.
   *
   * @throws IOException if the corpus cannot be read
   */
  @Setup
  public void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> textList = new ArrayList<>();
    phases = new ArrayList<>();
    roles = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(Path.of(corpus), StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        textList.add(node.get("text").asText());
        phases.add(Optional.ofNullable(node.get("phase")).map(p -> Phase.valueOf(p.asText())));
        roles.add(Optional.ofNullable(node.get("role")).map(r -> SpeakerRole.valueOf(r.asText())));
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          corpus, null, "run from the repository root or give -p corpus=PATH");
    }
    texts = textList.toArray(new String[0]);
    classifier = ContributionClassifiers.standard();
  }

  /**
   * Classifies every text of the corpus with its phase and role.
   *
   * @param sink consumes each classification
   */
  @Benchmark
  public void classify(Blackhole sink) {
    for (int i = 0; i < texts.length; i++) {
      sink.consume(classifier.classify(texts[i], phases.get(i), roles.get(i)));
    }
  }

  /**
   * The baseline: lower-cases every text of the corpus and counts its spaces in one scan.
   *
   * @param sink consumes each count
   */
  @Benchmark
  public void baselineLowerCaseScan(Blackhole sink) {
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      int spaces = 0;
      for (int i = 0; i < lower.length(); i++) {
        if (lower.charAt(i) == ' ') {
          spaces++;
        }
      }
      sink.consume(spaces);
    }
  }
}
