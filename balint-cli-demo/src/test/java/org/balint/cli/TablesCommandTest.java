package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Texts that CSV must carry unchanged: quotes, commas, line breaks, astral and combining
   * characters.
   */
  static final String TRICKY =
      "\"Quoted\", she said; then a comma, a line\r\nbreak and another\nand \uD83D\uDE22 (crying face), "
          + "\uD835\uDC9C (script A), cafe\u0301 and Zoe\u0308 ";

  @TempDir Path dir;

  static ObjectNode example() throws IOException {
    try (InputStream in = TablesCommandTest.class.getResourceAsStream(DemoCommand.EXAMPLE)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** The example with an uncoded contribution and one whose text is {@link #TRICKY}. */
  static ObjectNode edited() throws IOException {
    ObjectNode document = example();
    ObjectNode uncoded = contribution(document, 0, 6);
    uncoded.remove("kind");
    contribution(document, 1, 9).put("text", TRICKY);
    ((ObjectNode) document.get("group").get("members").get(0)).put("joined", "2025-09-01");
    ((ObjectNode) document.get("group").get("members").get(8)).put("left", "2026-11-30");
    return document;
  }

  static ObjectNode contribution(JsonNode document, int session, int index) {
    return (ObjectNode) document.get("sessions").get(session).get("contributions").get(index);
  }

  Path write(String name, JsonNode document) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, JSON.writeValueAsString(document), StandardCharsets.UTF_8);
    return file;
  }

  static List<Map<String, String>> read(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<Map<String, String>> rows =
        mapper
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv.toFile())) {
      return rows.readAll();
    }
  }

  @Test
  void tables_holdEveryContributionKindAndViolation_asValidateReportsThem() throws IOException {
    Path file = write("edited.json", edited());
    Path out = dir.resolve("tables");

    CliRun run = CliRun.of("tables", file.toString(), "--out", out.toString());
    CliRun validate = CliRun.of("validate", "--format", "json", file.toString());

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertEquals("", run.out);
    List<Map<String, String>> contributions = read(out.resolve("contributions.csv"));
    JsonNode document = JSON.readTree(file.toFile());
    int expected = 0;
    for (JsonNode session : document.get("sessions")) {
      expected += session.get("contributions").size();
    }
    assertEquals(expected, contributions.size());
    Map<String, String> uncoded = row(contributions, "2026-11-06", "6");
    assertEquals("classified", uncoded.get("kind_source"));
    assertTrue(List.of("FEELING", "SPECULATION").contains(uncoded.get("kind")), uncoded::toString);
    Map<String, String> coded = row(contributions, "2026-11-06", "5");
    assertEquals("coded", coded.get("kind_source"));
    assertEquals("FEELING", coded.get("kind"));
    assertEquals(TRICKY, row(contributions, "2026-11-13", "9").get("text"));
    assertEquals("PRESENTER", row(contributions, "2026-11-13", "7").get("speaker_role"));
    assertEquals("12", row(contributions, "2026-11-06", "5").get("words"));

    List<String> fromValidate = new ArrayList<>();
    for (String line : validate.out.split("\n")) {
      ObjectNode violation = (ObjectNode) JSON.readTree(line);
      violation.remove("file");
      fromValidate.add(
          violation.findValuesAsText("rule").get(0)
              + "|"
              + violation.get("group").asText()
              + "|"
              + text(violation.get("session"))
              + "|"
              + text(violation.get("contribution"))
              + "|"
              + violation.get("severity").asText()
              + "|"
              + violation.get("message").asText());
    }
    List<String> fromTable =
        read(out.resolve("violations.csv")).stream()
            .map(
                v ->
                    v.get("rule")
                        + "|"
                        + v.get("group")
                        + "|"
                        + v.get("session")
                        + "|"
                        + v.get("contribution")
                        + "|"
                        + v.get("severity")
                        + "|"
                        + v.get("message"))
            .collect(Collectors.toList());
    assertFalse(fromValidate.isEmpty());
    assertEquals(fromValidate, fromTable);

    List<Map<String, String>> people = read(out.resolve("people.csv"));
    assertEquals("2025-09-01", people.get(2).get("joined"));
    assertEquals("", people.get(2).get("left"));
    assertEquals("2026-11-30", people.get(10).get("left"));
  }

  private static String text(JsonNode value) {
    return value.isNull() ? "" : value.asText();
  }

  private static Map<String, String> row(
      List<Map<String, String>> rows, String session, String index) {
    return rows.stream()
        .filter(r -> r.get("session").equals(session) && r.get("index").equals(index))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void tables_sessionsAttendanceAndPeople() throws IOException {
    Path out = dir.resolve("tables");
    CliRun run =
        CliRun.of("tables", write("riverside.json", example()).toString(), "--out", out.toString());

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    List<Map<String, String>> sessions = read(out.resolve("sessions.csv"));
    assertEquals(3, sessions.size());
    for (Map<String, String> session : sessions) {
      double fidelity = Double.parseDouble(session.get("fidelity"));
      assertTrue(fidelity >= 0 && fidelity <= 1, session::toString);
    }
    Map<String, String> second = sessions.get(1);
    assertEquals("95", second.get("minutes"));
    assertEquals("2026-11-13T19:35:00Z", second.get("end"));
    // Off the method after the presentation: the clinical question, the new case, the presenter
    // speaking and the judgement, of 12.
    assertEquals(1 - 4.0 / 12, Double.parseDouble(second.get("fidelity")), 1e-12);
    assertEquals("", sessions.get(2).get("purpose"));

    List<Map<String, String>> attendance = read(out.resolve("attendance.csv"));
    assertEquals(3 * 11, attendance.size());
    List<String> presenters =
        attendance.stream()
            .filter(a -> a.get("presented").equals("true"))
            .map(a -> a.get("session") + "/" + a.get("person"))
            .collect(Collectors.toList());
    assertEquals(List.of("2026-11-06/m2", "2026-11-13/m1", "2026-11-20/m6"), presenters);
    Map<String, String> absent =
        attendance.stream()
            .filter(a -> a.get("session").equals("2026-11-06") && a.get("person").equals("m9"))
            .findFirst()
            .orElseThrow();
    assertEquals("false", absent.get("present"));
    assertEquals("false", absent.get("consented"));

    List<Map<String, String>> people = read(out.resolve("people.csv"));
    assertEquals(11, people.size());
    assertEquals("ACCREDITED", people.get(0).get("training"));
    assertEquals("", people.get(2).get("training"));
    assertEquals("1", read(out.resolve("groups.csv")).size() + "");
  }

  @Test
  void tables_badInput_writesNothingAndExitsTwo() throws IOException {
    Path good = write("good.json", example());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"balint/1\", \"group\": {}}");
    Path out = dir.resolve("tables");
    Path existing = dir.resolve("existing");
    Files.createDirectories(existing);
    Files.writeString(existing.resolve("sessions.csv"), "old");

    CliRun run = CliRun.of("tables", good.toString(), bad.toString(), "--out", out.toString());
    CliRun intoExisting = CliRun.of("tables", bad.toString(), "--out", existing.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("bad.json"), run::toString);
    assertTrue(run.err.contains("nothing written"), run::toString);
    assertFalse(Files.exists(out));
    assertEquals(ExitCodes.BAD_INPUT, intoExisting.exitCode, intoExisting::toString);
    assertEquals(
        List.of(existing.resolve("sessions.csv")),
        Files.list(existing).collect(Collectors.toList()));
    assertEquals("old", Files.readString(existing.resolve("sessions.csv")));
  }

  @Test
  void tables_noText_andPseudonyms() throws IOException {
    Path file = write("edited.json", edited());
    Path plain = dir.resolve("plain");
    Path shared = dir.resolve("shared");

    CliRun noText = CliRun.of("tables", file.toString(), "--out", plain.toString(), "--no-text");
    CliRun pseudonymised =
        CliRun.of("tables", file.toString(), "--out", shared.toString(), "--pseudonymise");

    assertEquals(ExitCodes.VIOLATIONS, noText.exitCode, noText::toString);
    assertTrue(
        read(plain.resolve("contributions.csv")).stream().allMatch(r -> r.get("text").isEmpty()));
    assertEquals(ExitCodes.VIOLATIONS, pseudonymised.exitCode, pseudonymised::toString);
    String everything = "";
    for (String table :
        List.of("violations.csv", "contributions.csv", "people.csv", "attendance.csv")) {
      everything += Files.readString(shared.resolve(table));
    }
    for (String name : List.of("Ana", "Reyes", "Ben Ode", "Priya", "Mensah", "Whitley")) {
      assertFalse(everything.contains(name), () -> name + " is still in the tables");
    }
    assertTrue(everything.contains("Member 1 presented case 1"), everything);
    assertTrue(everything.contains("Let's have Member 2 push back now"), everything);
  }
}
