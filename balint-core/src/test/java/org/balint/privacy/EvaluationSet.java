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

/**
 * A labelled set of sentences read from a JSON Lines resource beside this class, one object a line
 * as {@code {"text": ..., "identifiers": [{"type", "start", "end"}]}} (spans in UTF-16 code units
 * of the text), and the scoring of a detector against it. A detection counts as found when it
 * overlaps an expected identifier of the same type; it is exact when its span is the expected one.
 */
final class EvaluationSet {
  private static final Pattern TEXT = Pattern.compile("\"text\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern EXPECTED =
      Pattern.compile("\\{\"type\": \"(\\w+)\", \"start\": (\\d+), \"end\": (\\d+)\\}");

  /** One labelled sentence. */
  record Example(String text, List<Expected> expected) {}

  /** One identifier a sentence holds. */
  record Expected(IdentifierType type, int start, int end) {}

  /**
   * What a detector achieved on a set.
   *
   * @param sentences the number of sentences
   * @param expected the number of identifiers in them
   * @param found expected identifiers that a detection of the same type overlaps
   * @param exact expected identifiers detected with exactly their span
   * @param detected the number of detections
   * @param correct detections that overlap an expected identifier of the same type
   * @param nearMisses sentences that hold no identifier
   * @param nearMissesFlagged those of them in which something was detected
   * @param errors one line per miss or false detection
   */
  record Score(
      int sentences,
      int expected,
      int found,
      int exact,
      int detected,
      int correct,
      int nearMisses,
      int nearMissesFlagged,
      String errors) {
    double recall() {
      return found / (double) expected;
    }

    double exactRecall() {
      return exact / (double) expected;
    }

    double precision() {
      return detected == 0 ? 1 : correct / (double) detected;
    }

    String summary(String name) {
      return String.format(
          "%s: %d sentences, %d expected, %d detected; recall %.3f (exact spans %.3f), precision"
              + " %.3f, near-misses flagged %d of %d",
          name,
          sentences,
          expected,
          detected,
          recall(),
          exactRecall(),
          precision(),
          nearMissesFlagged,
          nearMisses);
    }
  }

  private final List<Example> examples;

  private EvaluationSet(List<Example> examples) {
    this.examples = examples;
  }

  List<Example> examples() {
    return examples;
  }

  /**
   * Reads the sets in resources beside this class, in order.
   *
   * @param resources the resources' names
   * @return their sentences together
   * @throws IOException if a resource cannot be read
   */
  static EvaluationSet read(String... resources) throws IOException {
    List<Example> examples = new ArrayList<>();
    for (String resource : resources) {
      for (String line :
          Resources.readLines(Resources.getResource(EvaluationSet.class, resource), UTF_8)) {
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
    return new EvaluationSet(examples);
  }

  long count(IdentifierType type) {
    return examples.stream().filter(e -> e.expected.stream().anyMatch(x -> x.type == type)).count();
  }

  long nearMisses() {
    return examples.stream().filter(e -> e.expected.isEmpty()).count();
  }

  Score score(IdentifierDetector detector) {
    int expectedCount = 0;
    int found = 0;
    int exact = 0;
    int detectedCount = 0;
    int correct = 0;
    int nearMissesFlagged = 0;
    StringBuilder errors = new StringBuilder();
    for (Example example : examples) {
      ImmutableList<Identifier> detected = detector.detect(example.text);
      expectedCount += example.expected.size();
      detectedCount += detected.size();
      if (example.expected.isEmpty() && !detected.isEmpty()) {
        nearMissesFlagged++;
      }
      for (Expected expected : example.expected) {
        if (detected.stream().anyMatch(d -> overlaps(d, expected))) {
          found++;
        } else {
          errors
              .append("missed ")
              .append(expected.type)
              .append(" '")
              .append(example.text, expected.start, expected.end)
              .append("' in: ")
              .append(example.text)
              .append('\n');
        }
        if (detected.stream()
            .anyMatch(
                d ->
                    d.type() == expected.type
                        && d.start() == expected.start
                        && d.end() == expected.end)) {
          exact++;
        } else if (detected.stream().anyMatch(d -> overlaps(d, expected))) {
          errors
              .append("inexact ")
              .append(expected.type)
              .append(" '")
              .append(example.text, expected.start, expected.end)
              .append("' in: ")
              .append(example.text)
              .append('\n');
        }
      }
      for (Identifier identifier : detected) {
        if (example.expected.stream().anyMatch(e -> overlaps(identifier, e))) {
          correct++;
        } else {
          errors
              .append("false ")
              .append(identifier.type())
              .append(" '")
              .append(identifier.text())
              .append("' in: ")
              .append(example.text)
              .append('\n');
        }
      }
    }
    return new Score(
        examples.size(),
        expectedCount,
        found,
        exact,
        detectedCount,
        correct,
        (int) nearMisses(),
        nearMissesFlagged,
        errors.toString());
  }

  private static boolean overlaps(Identifier detected, Expected expected) {
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
}
