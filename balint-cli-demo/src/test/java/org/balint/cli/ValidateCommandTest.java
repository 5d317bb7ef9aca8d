package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path example() throws IOException {
    Path file = dir.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, file);
    }
    return file;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void validate_exampleWithPresenterBreakingSilence_exitsOneAndQuotesIt() throws IOException {
    CliRun run = CliRun.of("validate", example().toString());

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertTrue(run.out.contains("presenter.silence"), run::toString);
    assertTrue(
        run.out.contains("\"Actually he did say his father used to shout at him.\""),
        run::toString);
    assertTrue(run.out.contains("The method asks:"), run::toString);
    assertEquals("", run.err);
  }

  @Test
  void validate_classifierOption_decidesTheUncodedContributions() throws IOException {
    // An uncoded hypothesis that names a clinical act: the standard lexicon takes it for clinical
    // problem-solving, the default classifier for a speculation.
    ObjectMapper mapper = new ObjectMapper();
    JsonNode document = mapper.readTree(example().toFile());
    ObjectNode feeling = (ObjectNode) document.get("sessions").get(0).get("contributions").get(5);
    assertEquals("DISCUSSION", feeling.get("phase").asText());
    feeling.put(
        "text",
        "He might be discharging himself before anyone gets the chance to" + " discharge him.");
    feeling.remove("kind");
    Path file = write("uncoded.json", mapper.writeValueAsString(document));

    CliRun standard = CliRun.of("validate", "--classifier", "standard", file.toString());
    CliRun fitted = CliRun.of("validate", file.toString());

    // The standard lexicon's finding is a breach or, below the protocol's minimum confidence,
    // uncertain; the default finds nothing clinical there at all.
    String quoted = "He might be discharging himself";
    assertEquals(1, lines(standard.out, quoted), standard::toString);
    assertEquals(0, lines(fitted.out, quoted), fitted::toString);
    // The presenter's broken silence is an error whichever classifier reads the kinds.
    assertEquals(ExitCodes.VIOLATIONS, fitted.exitCode, fitted::toString);
  }

  /** How many lines of the output contain every one of the given strings. */
  private static long lines(String out, String... parts) {
    return out.lines().filter(line -> List.of(parts).stream().allMatch(line::contains)).count();
  }

  @Test
  void validate_jsonFormat_writesOneObjectPerViolationInDocumentOrder() throws IOException {
    Path file = example();
    CliRun run = CliRun.of("validate", "--format", "json", file.toString());

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    ObjectMapper mapper = new ObjectMapper();
    List<String> seen = new ArrayList<>();
    for (String line : run.out.split("\n")) {
      JsonNode node = mapper.readTree(line);
      assertEquals(file.toString(), node.get("file").asText());
      assertEquals("riverside", node.get("group").asText());
      assertTrue(node.has("session") && node.has("contribution") && node.has("message"));
      seen.add(
          node.get("session").asText()
              + "#"
              + node.get("contribution").asText()
              + " "
              + node.get("rule").asText()
              + " "
              + node.get("severity").asText());
    }
    assertEquals(
        List.of(
            "2026-11-13#3 discussion.clinical WARNING",
            "2026-11-13#5 discussion.new-case WARNING",
            "2026-11-13#7 presenter.silence ERROR",
            "2026-11-13#8 discussion.judgement WARNING"),
        seen);
  }

  @Test
  void validate_malformedJson_exitsTwoWithOneLineNamingTheFileAndPlace() throws IOException {
    Path file = write("broken.json", "{\"format\": \"balint/1\", \"group\": {\"id\": \"g\",}");
    CliRun run = CliRun.of("validate", file.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(1, run.err.strip().lines().count(), run::toString);
    assertTrue(run.err.startsWith("balint: " + file), run::toString);
    assertTrue(run.err.contains("line 1"), run::toString);
    assertFalse(run.err.contains("\tat "), run::toString);
  }

  @Test
  void validate_unknownField_namesTheJsonPath() throws IOException {
    String document =
        Files.readString(example()).replace("\"mode\": \"ONLINE\"", "\"mood\": \"ONLINE\"");
    Path file = write("typo.json", document);
    CliRun run = CliRun.of("validate", file.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("$.sessions[2]"), run::toString);
    assertTrue(run.err.contains("mood"), run::toString);
  }

  @Test
  void validate_missingFileAmongGoodOnes_processesTheOthersAndExitsTwo() throws IOException {
    Path good = example();
    CliRun run =
        CliRun.of(
            "validate", "--format", "json", dir.resolve("absent.json").toString(), good.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("absent.json: no such file"), run::toString);
    assertTrue(run.out.contains("presenter.silence"), run::toString);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--protocol, nonesuch, balint-standard",
    "--classifier, magic, 'fast, neural, cascade, standard, fitted'"
  })
  void validate_unknownChoice_exitsTwoListingTheKnownOnes(String option, String value, String known)
      throws IOException {
    CliRun run = CliRun.of("validate", option, value, example().toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains(known), run::toString);
  }

  @Test
  void validate_invalidUtf8_exitsTwoWithoutStackTrace() throws IOException {
    Path file = dir.resolve("latin1.json");
    byte[] start =
        "{\"format\": \"balint/1\", \"group\": {\"id\": \"g\", \"name\": \""
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    byte[] end = "\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + bad.length + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(bad, 0, all, start.length, bad.length);
    System.arraycopy(end, 0, all, start.length + bad.length, end.length);
    Files.write(file, all);
    CliRun run = CliRun.of("validate", file.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(1, run.err.strip().lines().count(), run::toString);
  }

  @Test
  void validate_noFiles_isAUsageError() {
    CliRun run = CliRun.of("validate");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
  }
}
