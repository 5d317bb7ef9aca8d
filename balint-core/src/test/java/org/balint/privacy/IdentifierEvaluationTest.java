package org.balint.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the standard detector on the labelled evaluation set of clinician speech in {@code
 * identifiers-eval.jsonl}: every identifier type in varied sentences, and near-misses that must
 * yield nothing. A detection counts as correct when it overlaps an expected identifier of the same
 * type.
 */
class IdentifierEvaluationTest {
  private static final Pattern TEXT = Pattern.compile("\"text\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern EXPECTED =
      Pattern.compile("\\{\"type\": \"(\\w+)\", \"start\": (\\d+), \"end\": (\\d+)\\}");

  private static List<Example> examples;

  @BeforeAll
  static void readExamples() throws IOException {
    examples = new ArrayList<>();
    for (String line :
        Resources.readLines(
            Resources.getResource(IdentifierEvaluationTest.class, "identifiers-eval.jsonl"),
            UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher text = TEXT.matcher(line);
      assertTrue(text.find(), () -> "no text in " + line);
      List<Expected> expected = new ArrayList<>();
      Matcher identifier = EXPECTED.matcher(line);
      while (identifier.find()) {
        expected.add(
            new Expected(
                IdentifierType.valueOf(identifier.group(1)),
                Integer.parseInt(identifier.group(2)),
                Integer.parseInt(identifier.group(3))));
      }
      examples.add(new Example(unescape(text.group(1)), expected));
    }
  }

  @Test
  void detect_evaluationSet_isLargeAndVaried() {
    long nearMisses = examples.stream().filter(e -> e.expected.isEmpty()).count();
    assertTrue(examples.size() >= 250, "examples: " + examples.size());
    assertTrue(nearMisses >= 120, "near-misses: " + nearMisses);
    for (IdentifierType type : IdentifierType.values()) {
      long withType =
          examples.stream().filter(e -> e.expected.stream().anyMatch(x -> x.type == type)).count();
      assertTrue(withType >= 8, type + " appears in only " + withType + " examples");
    }
  }

  @Test
  void detect_evaluationSet_meetsRecallAndPrecision() {
    IdentifierDetector detector = IdentifierDetector.standard();
    int expectedCount = 0;
    int found = 0;
    int detectedCount = 0;
    int correct = 0;
    StringBuilder errors = new StringBuilder();
    for (Example example : examples) {
      ImmutableList<Identifier> detected = detector.detect(example.text);
      expectedCount += example.expected.size();
      detectedCount += detected.size();
      for (Expected expected : example.expected) {
        if (detected.stream().anyMatch(d -> matches(d, expected))) {
          found++;
        } else {
          errors.append("missed ").append(expected.type).append(" '")
              .append(example.text, expected.start, expected.end).append("' in: ")
              .append(example.text).append('\n');
        }
      }
      for (Identifier identifier : detected) {
        if (example.expected.stream().anyMatch(e -> matches(identifier, e))) {
          correct++;
        } else {
          errors.append("false ").append(identifier.type()).append(" '")
              .append(identifier.text()).append("' in: ").append(example.text).append('\n');
        }
      }
    }
    double recall = found / (double) expectedCount;
    double precision = correct / (double) detectedCount;
    System.out.printf(
        "identifier evaluation: %d sentences, %d expected, %d detected; recall %.3f, precision %.3f%n",
        examples.size(), expectedCount, detectedCount, recall, precision);
    System.out.print(errors);
    assertTrue(recall >= 0.98, "recall " + recall + "\n" + errors);
    assertTrue(precision >= 0.95, "precision " + precision + "\n" + errors);
  }

  private static boolean matches(Identifier detected, Expected expected) {
    return detected.type() == expected.type
        && detected.start() < expected.end
        && expected.start < detected.end();
  }

  private static String unescape(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = json.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  private record Expected(IdentifierType type, int start, int end) {}

  private record Example(String text, List<Expected> expected) {}
}
