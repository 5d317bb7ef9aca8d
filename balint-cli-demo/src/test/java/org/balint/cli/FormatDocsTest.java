package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of {@code docs/format.md} gives the violations the page says it gives. */
class FormatDocsTest {
  private static final Path DOC = Path.of("..", "docs", "format.md");

  @TempDir Path dir;

  @Test
  void example_validatesAsTheDocSays() throws Exception {
    Matcher example =
        Pattern.compile(
                "```json\\n(.*?)```.*?<!-- tested: validate-example -->\\s*```text\\n(.*?)```",
                Pattern.DOTALL)
            .matcher(Files.readString(DOC));
    assertTrue(example.find(), "docs/format.md has no example marked validate-example");
    Path file = dir.resolve("example.json");
    Files.writeString(file, example.group(1));

    CliRun run = CliRun.of("validate", "--format", "json", file.toString());

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals(example.group(2), run.out.replace(file.toString(), "example.json"));
  }
}
