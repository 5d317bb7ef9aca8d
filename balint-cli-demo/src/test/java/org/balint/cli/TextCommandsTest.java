package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands over JSON Lines of text: classify and redact. */
class TextCommandsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void redact_json_givesPlaceholdersAndSpansIntoTheOriginal() throws IOException {
    String text = "Mrs Jane Smith rang from 07700 900123 about her son.";
    CliRun run = CliRun.withInput("{\"text\": \"" + text + "\"}\n", "redact", "--format", "json");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    JsonNode line = mapper.readTree(run.out);
    assertEquals("[NAME] rang from [PHONE] about her son.", line.get("text").asText());
    JsonNode name = line.get("identifiers").get(0);
    assertEquals("NAME", name.get("type").asText());
    assertEquals(
        "Mrs Jane Smith", text.substring(name.get("start").asInt(), name.get("end").asInt()));
  }

  @Test
  void redact_text_leavesNearMissesAlone() {
    String text = "She came at 10:30 with 20 mg of citalopram and waited in bay 3 of ward 7.";
    CliRun run = CliRun.withInput("{\"text\": \"" + text + "\"}\n", "redact");

    assertEquals(text, run.out.strip(), run::toString);
  }

  @Test
  void redact_badLine_exitsTwoNamingTheLineAfterWritingTheLinesBefore() {
    CliRun run = CliRun.withInput("{\"text\": \"fine\"}\n{\"text\": 3}\n", "redact");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: <stdin>:2: $.text: expected a string but was 3\n", run.err);
    assertEquals("fine\n", run.out, "lines are redacted as they are read");
  }

  @Test
  void classify_json_givesKindAndCuesWithSpans() throws IOException {
    String text = "I wonder whether she is testing him.";
    CliRun run =
        CliRun.withInput(
            "{\"text\": \"" + text + "\", \"phase\": \"DISCUSSION\", \"role\": \"MEMBER\"}\n",
            "classify",
            "--format",
            "json");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    JsonNode line = mapper.readTree(run.out);
    assertEquals(text, line.get("text").asText());
    assertEquals("SPECULATION", line.get("kind").asText(), run::toString);
    assertTrue(line.get("cues").size() > 0, "the hedge that decided it is named: " + run);
    for (JsonNode cue : line.get("cues")) {
      assertEquals("SPECULATION", cue.get("kind").asText(), run::toString);
      assertEquals(
          cue.get("text").asText(),
          text.substring(cue.get("start").asInt(), cue.get("end").asInt()));
    }
  }

  @Test
  void classify_classifierOption_choosesTheModel_cascadeByDefault() throws IOException {
    String input =
        "{\"text\": \"Has anyone checked her thyroid function?\", \"phase\":"
            + " \"DISCUSSION\", \"role\": \"MEMBER\"}\n{\"text\": \"I felt sad.\"}\n";
    CliRun byDefault = CliRun.withInput(input, "classify", "--format", "json");
    CliRun cascade =
        CliRun.withInput(input, "classify", "--classifier", "cascade", "--format", "json");
    CliRun fitted =
        CliRun.withInput(input, "classify", "--classifier", "fitted", "--format", "json");
    CliRun fast = CliRun.withInput(input, "classify", "--classifier", "fast", "--format", "json");
    CliRun standard =
        CliRun.withInput(input, "classify", "--classifier", "standard", "--format", "json");

    assertEquals(ExitCodes.OK, fitted.exitCode, fitted::toString);
    assertEquals(cascade.out, byDefault.out);
    assertEquals(fast.out, fitted.out, "'fitted' is the former name of 'fast'");
    JsonNode line = mapper.readTree(fitted.out.lines().findFirst().orElseThrow());
    assertEquals("CLINICAL", line.get("kind").asText(), fitted::toString);
    List<String> cues = new ArrayList<>();
    for (JsonNode cue : line.get("cues")) {
      assertEquals("CLINICAL", cue.get("kind").asText(), fitted::toString);
      cues.add(cue.get("cue").asText());
    }
    // The standard lexicon's families are the fitted model's features, and name its cues; every
    // phrase found counts, the shorter inside the longer too.
    assertTrue(cues.contains("clinical.investigation:thyroid"), fitted::toString);
    assertTrue(cues.contains("clinical.advice:has anyone"), fitted::toString);
    // The standard lexicon counts only the longer of two phrases of a kind, one inside the other.
    List<String> standardCues = new ArrayList<>();
    mapper
        .readTree(standard.out.lines().findFirst().orElseThrow())
        .get("cues")
        .forEach(cue -> standardCues.add(cue.get("cue").asText()));
    assertEquals(
        List.of("clinical.advice:has anyone checked", "clinical.investigation:thyroid"),
        standardCues,
        standard::toString);
  }

  @Test
  void classify_unknownClassifier_exitsTwoListingTheChoices() {
    CliRun run = CliRun.withInput("{\"text\": \"Hello\"}\n", "classify", "--classifier", "magic");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("fast, neural, cascade, standard, fitted"), run::toString);
  }

  @Test
  void classify_badPhase_exitsTwoListingThePhases() {
    CliRun run = CliRun.withInput("{\"text\": \"Hello\", \"phase\": \"CHAT\"}\n", "classify");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("$.phase: expected one of OPENING"), run::toString);
  }

  @Test
  void classifyEvaluate_printsConfusionMatrixAndScores(@TempDir Path dir) throws IOException {
    Path labelled = dir.resolve("coded.jsonl");
    Files.writeString(
        labelled,
        String.join(
            "\n",
            "{\"text\": \"I felt quite irritated listening to her.\", \"phase\": \"DISCUSSION\", \"kind\": \"FEELING\"}",
            "{\"text\": \"Has anyone checked her thyroid function?\", \"phase\": \"DISCUSSION\", \"kind\": \"CLINICAL\"}",
            "{\"text\": \"You really shouldn't have given in to her.\", \"phase\": \"DISCUSSION\", \"kind\": \"JUDGEMENT\"}",
            ""));

    CliRun run = CliRun.of("classify", "--evaluate", labelled.toString());

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(run.out.contains("3 labelled contributions"), run::toString);
    assertTrue(run.out.contains("coded \\ given"), run::toString);
    assertTrue(run.out.contains("macro-F1"), run::toString);
  }

  @Test
  void classifyEvaluate_lineWithoutKind_exitsTwoNamingTheLine(@TempDir Path dir)
      throws IOException {
    Path labelled = dir.resolve("uncoded.jsonl");
    Files.writeString(labelled, "{\"text\": \"Hello\"}\n");

    CliRun run = CliRun.of("classify", "--evaluate", labelled.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains(":1: $.kind"), run::toString);
  }
}
