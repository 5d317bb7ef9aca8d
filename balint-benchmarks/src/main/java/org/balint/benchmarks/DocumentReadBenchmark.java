package org.balint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code balint/1} reader beside a Jackson tree parse and walk of the same bytes.
 *
 * <p>{@code balintRead} reads the document into a {@link GroupRecord}, with every check of the
 * format; {@code jacksonTree} parses the same bytes into a Jackson tree and visits every node (the
 * least any reader of the format must do). The ratio of their times is the reader's overhead. The
 * document is generated: {@code contributions} contributions in sessions of 200, each with a time,
 * speaker, phase, kind and a sentence of text, pretty-printed as the writer writes it.
 *
 * <p>Run: {@code mvn -B -pl balint-benchmarks -am package -DskipTests && java -jar
 * balint-benchmarks/target/benchmarks.jar DocumentReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DocumentReadBenchmark {
  private static final String[] PHASES = {
    "OPENING", "PRESENTATION", "QUESTIONS", "DISCUSSION", "PRESENTER_RETURNS", "CLOSING"
  };
  private static final String[] KINDS = {"FEELING", "SPECULATION", "QUESTION", "FACILITATION"};
  private static final String[] TEXTS = {
    "I felt quite irritated listening to her, as if nothing the doctor did would ever be enough.",
    "I wonder whether she is testing if he will abandon her too.",
    "How long has she been on your list?",
    "Can we stay with how the doctor felt when she brought out the list?"
  };

  /** Contributions in the document. */
  @Param({"20000"})
  public int contributions;

  private final ObjectMapper mapper = new ObjectMapper();
  private byte[] document;

  /**
   * Generates the document and checks that both sides read it.
   *
   * @throws IOException never: the document is well-formed
   */
  @Setup
  public void generate() throws IOException {
    document = generate(contributions);
    if (jacksonTree() == 0 || balintRead().sessions().isEmpty()) {
      throw new IllegalStateException("the generated document was not read");
    }
  }

  /**
   * Generates a valid document of {@code contributions} contributions, as the writer writes it.
   *
   * @param contributions how many
   * @return the document in UTF-8
   */
  static byte[] generate(int contributions) {
    StringBuilder json = new StringBuilder();
    json.append("{\"format\":\"balint/1\",\"group\":{\"id\":\"g\",\"name\":\"Riverside\",")
        .append("\"leaders\":[{\"id\":\"L1\",\"name\":\"Dr Ana Reyes\",\"profession\":\"GP\",")
        .append("\"training\":\"ACCREDITED\"}],\"members\":[");
    for (int m = 1; m <= 9; m++) {
      json.append(m == 1 ? "" : ",")
          .append("{\"id\":\"m")
          .append(m)
          .append("\",\"name\":\"Dr Member ")
          .append(m)
          .append("\",\"profession\":\"GP\"}");
    }
    json.append("]},\"sessions\":[");
    int sessions = Math.max(1, contributions / 200);
    Instant start = Instant.parse("2026-01-02T18:00:00Z");
    int written = 0;
    for (int s = 0; s < sessions; s++) {
      int here = s == sessions - 1 ? contributions - written : 200;
      Instant begin = start.plusSeconds(7L * 86_400 * s);
      json.append(s == 0 ? "" : ",")
          .append("{\"id\":\"s")
          .append(s)
          .append("\",\"start\":\"")
          .append(begin)
          .append("\",\"end\":\"")
          .append(begin.plusSeconds(5400))
          .append("\",\"mode\":\"IN_PERSON\",\"present\":[\"L1\",\"m1\",\"m2\",\"m3\"],")
          .append(
              "\"recording\":{\"purpose\":\"RESEARCH\",\"consent\":[\"L1\",\"m1\",\"m2\",\"m3\"]},")
          .append(
              "\"cases\":[{\"presenter\":\"m1\",\"title\":\"The woman who always brings a list\"}],")
          .append("\"contributions\":[");
      for (int c = 0; c < here; c++) {
        json.append(c == 0 ? "" : ",")
            .append("{\"at\":\"")
            .append(begin.plusSeconds(20L * c))
            .append("\",\"speaker\":\"")
            .append(c % 4 == 0 ? "L1" : "m" + (2 + c % 2))
            .append("\",\"phase\":\"")
            .append(PHASES[c * PHASES.length / here])
            .append("\",\"text\":\"")
            .append(TEXTS[c % TEXTS.length])
            .append("\",\"kind\":\"")
            .append(KINDS[c % KINDS.length])
            .append("\"}");
      }
      json.append("]}");
      written += here;
    }
    json.append("]}");
    GroupRecord record = BalintJson.read(json.toString().getBytes(StandardCharsets.UTF_8));
    return BalintJson.write(record).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the document with every check of the format.
   *
   * @return the record
   */
  @Benchmark
  public GroupRecord balintRead() {
    return BalintJson.read(document);
  }

  /**
   * Parses the document into a Jackson tree and visits every node.
   *
   * @return the number of nodes and the length of every text, so that nothing is optimised away
   * @throws IOException never: the document is well-formed
   */
  @Benchmark
  public long jacksonTree() throws IOException {
    return walk(mapper.readTree(document));
  }

  private static long walk(JsonNode node) {
    long sum = 1;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        sum += field.getKey().length() + walk(field.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        sum += walk(element);
      }
    } else if (node.isTextual()) {
      sum += node.textValue().length();
    }
    return sum;
  }
}
