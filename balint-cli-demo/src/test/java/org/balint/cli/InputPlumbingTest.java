package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How commands read their input: standard input, JSON Lines, size limits, bad bytes. */
class InputPlumbingTest {
  @TempDir Path dir;

  private static byte[] example() throws IOException {
    try (InputStream in = InputPlumbingTest.class.getResourceAsStream(DemoCommand.EXAMPLE)) {
      return in.readAllBytes();
    }
  }

  @Test
  void validate_dash_readsTheDocumentFromStandardInput() throws IOException {
    CliRun run = CliRun.withBytes(example(), "validate", "-");

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertTrue(run.out.contains("presenter.silence"), run::toString);
    assertEquals("", run.err);
  }

  @Test
  void import_dash_readsTheDocumentFromStandardInput() throws IOException {
    String db = "jdbc:h2:file:" + dir.resolve("balint");

    CliRun run = CliRun.withBytes(example(), "import", "--db", db, "-");

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertTrue(run.out.contains("-: merged into group riverside"), run::toString);
  }

  @Test
  void validate_documentOverMaxSize_namesTheOption() throws IOException {
    Path file = Files.write(dir.resolve("riverside.json"), example());

    CliRun small = CliRun.of("validate", "--max-size", "1K", file.toString());
    CliRun enough = CliRun.of("validate", "--max-size", "1M", file.toString());

    assertEquals(ExitCodes.BAD_INPUT, small.exitCode, small::toString);
    assertEquals(
        "balint: "
            + file
            + ": $: the document is larger than the limit of 1024 bytes (a larger limit can be set"
            + " with --max-size)\n",
        small.err);
    assertEquals(ExitCodes.VIOLATIONS, enough.exitCode, enough::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "12X", "3G", "lots"})
  void validate_badMaxSize_isAUsageError(String size) {
    CliRun run = CliRun.of("validate", "--max-size", size, "x.json");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(
        run.err.startsWith("balint: Invalid value for option '--max-size'")
            && run.err.contains("expected a size of 1 byte to 2G"),
        run::toString);
  }

  @Test
  void validate_textWithEscapedNul_exitsTwoNamingThePath() throws IOException {
    String document =
        new String(example(), StandardCharsets.UTF_8)
            .replace("Who has a case for us tonight?", "Who has a case\\u0000 for us tonight?");
    Path file = Files.writeString(dir.resolve("nul.json"), document);

    CliRun run = CliRun.of("validate", file.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(
        run.err.matches(
            "balint: \\Q"
                + file
                + "\\E: \\$\\.sessions\\[0\\]\\.contributions\\[0\\]\\.text: .*U\\+0000.*\n"),
        run::toString);
  }

  @Test
  void jsonLines_secondObjectOnALine_isRefusedWithLineAndColumn() {
    CliRun run =
        CliRun.withInput(
            "{\"text\": \"one\"}\n{\"text\": \"two\"} {\"text\": \"three\"}\n", "redact");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(
        "balint: <stdin>:2, column 17: more than one JSON value on the line (one object a line)\n",
        run.err);
  }

  @Test
  void jsonLines_duplicateKey_isRefusedWithLineAndColumn() {
    CliRun run =
        CliRun.withInput(
            "{\"text\": \"one\", \"phase\": \"OPENING\", \"text\": \"two\"}\n", "classify");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: <stdin>:1, column 43: duplicate field \"text\"\n", run.err);
  }

  @Test
  void jsonLines_nulInText_isRefused() {
    CliRun run = CliRun.withInput("{\"text\": \"a\\u0000b\"}\n", "redact");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(
        "balint: <stdin>:1: $.text: the text holds U+0000, which a text may not hold\n", run.err);
  }

  @Test
  void jsonLines_overlongUtf8_isRefused() {
    byte[] line = {
      '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}', '\n'
    };

    CliRun run = CliRun.withBytes(line, "redact");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: <stdin>:1: invalid UTF-8\n", run.err);
  }
}
