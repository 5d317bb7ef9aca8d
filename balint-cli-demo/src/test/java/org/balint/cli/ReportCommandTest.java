package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.balint.method.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  private Path example() throws IOException {
    Path file = dir.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void report_writesOneOwnerOnlyPageAndSaysWhere() throws IOException {
    Path out = dir.resolve("report.html");

    CliRun run = CliRun.of("report", example().toString(), "--out", out.toString());

    // The example has a presenter who breaks their silence: an ERROR, so exit 1 as for validate.
    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertEquals(
        "Report of 3 sessions written to " + out.toAbsolutePath() + System.lineSeparator(),
        run.out);
    assertEquals("", run.err);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("Riverside GP Balint group"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "a temporary file was left behind");
    }
  }

  @Test
  void report_withAnUnreadableFile_writesNothing() throws IOException {
    Path out = dir.resolve("report.html");

    CliRun run =
        CliRun.of(
            "report",
            example().toString(),
            dir.resolve("missing.json").toString(),
            "--out",
            out.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(
        "balint: "
            + dir.resolve("missing.json")
            + ": no such file"
            + System.lineSeparator()
            + "balint: nothing written: 1 of 2 files could not be read"
            + System.lineSeparator(),
        run.err);
    assertFalse(Files.exists(out));
  }

  @Test
  void report_intoAMissingFolder_isOneLine() throws IOException {
    Path out = dir.resolve("no-such-folder").resolve("report.html");

    CliRun run = CliRun.of("report", example().toString(), "--out", out.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.startsWith("balint: " + out + ": cannot write: "), run::toString);
    assertEquals(1, run.err.lines().count(), run::toString);
  }

  @Test
  void writeDemoReport_writesIntoAPrivateFolderOfItsOwn() throws IOException {
    Path file =
        ReportCommand.writeDemoReport(
            DemoCommand.readExample(), Protocols.standard(), Optional.empty());
    try {
      Path folder = file.getParent();
      assertTrue(folder.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), file::toString);
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertTrue(
          Files.readString(file, StandardCharsets.UTF_8).contains("Riverside GP Balint group"));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    }
  }
}
