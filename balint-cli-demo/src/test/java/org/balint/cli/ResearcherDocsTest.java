package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the examples of {@code docs/researchers.md} that can run here. */
class ResearcherDocsTest {
  private static final Path DOC = Path.of("..", "docs", "researchers.md");

  @TempDir Path dir;

  /**
   * The fenced block of a language after a {@code <!-- tested: NAME -->} mark, and the text block
   * after it.
   */
  private static Matcher example(String doc, String name) {
    Matcher matcher =
        Pattern.compile(
                "<!-- tested: " + name + " -->\\s*```python\\n(.*?)```.*?```text\\n(.*?)```",
                Pattern.DOTALL)
            .matcher(doc);
    assertTrue(matcher.find(), "docs/researchers.md has no example marked " + name);
    return matcher;
  }

  @Test
  void pythonCsvExample_printsWhatTheDocSays() throws Exception {
    Matcher example = example(Files.readString(DOC), "python-csv");
    Path riverside = dir.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, riverside);
    }
    CliRun tables =
        CliRun.of("tables", riverside.toString(), "--out", dir.resolve("tables").toString());
    assertEquals(ExitCodes.VIOLATIONS, tables.exitCode, tables::toString);
    Path script = dir.resolve("example.py");
    Files.writeString(script, example.group(1), StandardCharsets.UTF_8);

    Process python;
    try {
      python =
          new ProcessBuilder("python3", script.toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      System.out.println(
          "ResearcherDocsTest: skipped, python3 cannot be started: " + e.getMessage());
      assumeTrue(false, "python3 is not available");
      return;
    }
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
    assertEquals(0, python.exitValue(), output);
    assertEquals(example.group(2), output);
  }
}
