package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify}'s id echo and {@code classify --evaluate}'s agreement between codings. */
class ClassifyAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void classify_echoesTheIdAndPassesOtherFieldsThrough() throws IOException {
    String input =
        "{\"id\": 7, \"text\": \"Has anyone checked her thyroid function?\", \"phase\": \"DISCUSSION\","
            + " \"study\": \"pilot\", \"meta\": {\"coder\": \"A\"}}\n"
            + "{\"text\": \"I felt sad.\", \"id\": \"c-2\"}\n";

    CliRun json = CliRun.withInput(input, "classify", "--format", "json");
    CliRun text = CliRun.withInput(input, "classify");

    assertEquals(ExitCodes.OK, json.exitCode, json::toString);
    String[] lines = json.out.split("\n");
    JsonNode first = JSON.readTree(lines[0]);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of("id", "text", "kind", "confidence", "uncertain", "cues", "phase", "study", "meta"),
        fields);
    assertEquals(7, first.get("id").asInt());
    assertEquals("CLINICAL", first.get("kind").asText());
    assertEquals("A", first.get("meta").get("coder").asText());
    assertEquals("c-2", JSON.readTree(lines[1]).get("id").asText());
    assertTrue(text.out.startsWith("[7] CLINICAL"), text::toString);
    assertTrue(text.out.contains("[c-2] FEELING"), text::toString);

    CliRun badId = CliRun.withInput("{\"id\": [1], \"text\": \"x\"}\n", "classify");
    assertEquals(ExitCodes.BAD_INPUT, badId.exitCode, badId::toString);
    assertTrue(badId.err.contains("<stdin>:1: $.id"), badId::toString);
  }

  @Test
  void evaluateAgainst_twoCodersOfJsonLines_kappaAndDisagreementsById() throws IOException {
    // 10 contributions; the coders disagree on c3 and c9. p_o = 0.8,
    // p_e = (4*4 + 3*4 + 3*2) / 100 = 0.34, kappa = 0.46 / 0.66.
    String[] a = {
      "FEELING",
      "FEELING",
      "FEELING",
      "FEELING",
      "SPECULATION",
      "SPECULATION",
      "SPECULATION",
      "QUESTION",
      "QUESTION",
      "QUESTION"
    };
    String[] b = {
      "FEELING",
      "FEELING",
      "FEELING",
      "SPECULATION",
      "SPECULATION",
      "SPECULATION",
      "SPECULATION",
      "QUESTION",
      "QUESTION",
      "FEELING"
    };
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      first
          .append("{\"id\": \"c")
          .append(i)
          .append("\", \"text\": \"text ")
          .append(i)
          .append("\", \"kind\": \"")
          .append(a[i])
          .append("\"}\n");
      second
          .append("{\"id\": \"c")
          .append(a.length - 1 - i)
          .append("\", \"kind\": \"")
          .append(b[a.length - 1 - i])
          .append("\", \"coder\": \"B\"}\n");
    }
    second.append("{\"id\": \"only-b\", \"kind\": \"CLINICAL\"}\n");
    Path coderA = write("a.jsonl", first.toString());
    Path coderB = write("b.jsonl", second.toString());

    CliRun json =
        CliRun.of(
            "classify",
            "--evaluate",
            coderA.toString(),
            "--against",
            coderB.toString(),
            "--format",
            "json");
    CliRun text =
        CliRun.of("classify", "--evaluate", coderA.toString(), "--against", coderB.toString());

    assertEquals(ExitCodes.OK, json.exitCode, json::toString);
    JsonNode report = JSON.readTree(json.out);
    assertEquals(10, report.get("compared").asInt());
    assertEquals(1, report.get("only_second").asInt());
    assertEquals(0.8, report.get("observed_agreement").asDouble(), 1e-12);
    assertEquals(0.46 / 0.66, report.get("kappa").asDouble(), 1e-12);
    assertEquals(1, report.get("confusion").get("FEELING").get("SPECULATION").asInt());
    List<String> disagreements = new ArrayList<>();
    for (JsonNode d : report.get("disagreements")) {
      disagreements.add(
          d.get("id").asText()
              + " "
              + d.get("first").asText()
              + ">"
              + d.get("second").asText()
              + " "
              + d.get("text").asText());
    }
    assertEquals(
        List.of("c3 FEELING>SPECULATION text 3", "c9 QUESTION>FEELING text 9"), disagreements);
    assertEquals(ExitCodes.OK, text.exitCode, text::toString);
    assertTrue(text.out.contains("Cohen's kappa 0.697"), text::toString);
    assertTrue(text.out.contains("c9: QUESTION -> FEELING  text 9"), text::toString);
  }

  @Test
  void evaluateAgainst_twoDocuments_idsAreSessionAndIndex() throws IOException {
    ObjectNode document = TablesCommandTest.example();
    Path first = write("first.json", JSON.writeValueAsString(document));
    TablesCommandTest.contribution(document, 1, 5).put("kind", "FEELING");
    TablesCommandTest.contribution(document, 0, 2).remove("kind");
    Path second = write("second.json", JSON.writeValueAsString(document));

    CliRun run =
        CliRun.of(
            "classify",
            "--evaluate",
            first.toString(),
            "--against",
            second.toString(),
            "--format",
            "json");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    JsonNode report = JSON.readTree(run.out);
    assertEquals(25, report.get("compared").asInt());
    assertEquals(1, report.get("only_first").asInt());
    Iterator<JsonNode> disagreements = report.get("disagreements").elements();
    JsonNode only = disagreements.next();
    assertEquals("2026-11-13/5", only.get("id").asText());
    assertEquals("NEW_CASE", only.get("first").asText());
    assertEquals("FEELING", only.get("second").asText());
    assertTrue(!disagreements.hasNext());
  }

  @Test
  void evaluate_documentAgainstTheClassifier_reportsKappa() throws IOException {
    Path document = write("riverside.json", JSON.writeValueAsString(TablesCommandTest.example()));

    CliRun run = CliRun.of("classify", "--evaluate", document.toString(), "--format", "json");
    CliRun text = CliRun.of("classify", "--evaluate", document.toString());

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    JsonNode report = JSON.readTree(run.out);
    assertEquals(26, report.get("compared").asInt());
    assertEquals("classifier", report.get("second").asText());
    assertTrue(report.get("kappa").asDouble() > 0.5, run::toString);
    assertTrue(report.get("kinds").get("FEELING").has("f1"), run::toString);
    assertEquals(
        report.get("disagreements").size(),
        Math.round((1 - report.get("accuracy").asDouble()) * 26));
    assertTrue(text.out.contains("Cohen's kappa"), text::toString);
  }

  @Test
  void evaluateAgainst_differentTextsOrNothingInCommon_exitsTwo() throws IOException {
    Path a = write("a.jsonl", "{\"id\": \"x\", \"text\": \"one\", \"kind\": \"FEELING\"}\n");
    Path b = write("b.jsonl", "{\"id\": \"x\", \"text\": \"two\", \"kind\": \"FEELING\"}\n");
    Path c = write("c.jsonl", "{\"id\": \"y\", \"kind\": \"FEELING\"}\n");
    Path noId = write("d.jsonl", "{\"kind\": \"FEELING\"}\n");

    CliRun texts = CliRun.of("classify", "--evaluate", a.toString(), "--against", b.toString());
    CliRun none = CliRun.of("classify", "--evaluate", a.toString(), "--against", c.toString());
    CliRun missingId =
        CliRun.of("classify", "--evaluate", a.toString(), "--against", noId.toString());
    CliRun alone = CliRun.of("classify", "--against", a.toString());

    assertEquals(ExitCodes.BAD_INPUT, texts.exitCode, texts::toString);
    assertTrue(texts.err.contains("different texts for id \"x\""), texts::toString);
    assertEquals(ExitCodes.BAD_INPUT, none.exitCode, none::toString);
    assertTrue(none.err.contains("no coded contribution with the same id"), none::toString);
    assertEquals(ExitCodes.BAD_INPUT, missingId.exitCode, missingId::toString);
    assertTrue(missingId.err.contains("d.jsonl:1: $.id"), missingId::toString);
    assertEquals(ExitCodes.BAD_INPUT, alone.exitCode, alone::toString);
  }
}
