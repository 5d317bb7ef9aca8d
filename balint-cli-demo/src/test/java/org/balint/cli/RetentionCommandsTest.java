package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention commands: {@code retention} shows and sets a group's policy, {@code purge} applies
 * every group's policy (or, with {@code --dry-run}, says what it would delete).
 *
 * <p>The example group's sessions end on 2026-11-06 at 19:30 and 2026-11-13 at 19:35 (both with
 * contributions) and on 2026-11-20 (attendance and a case title only).
 */
class RetentionCommandsTest {
  @TempDir Path dir;
  private Path source;

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("db").resolve("balint");
  }

  @BeforeEach
  void importExample() throws IOException {
    source = dir.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, source);
    }
    CliRun imported = CliRun.of("import", "--db", db(), source.toString());
    assertTrue(imported.out.contains("merged into group riverside"), imported::toString);
  }

  private GroupRecord exported() throws IOException {
    CliRun exported = CliRun.of("export", "riverside", "--db", db());
    assertEquals(ExitCodes.OK, exported.exitCode, exported::toString);
    return BalintJson.read(exported.out.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void retention_setThenShown_isKeptWithTheGroup() {
    CliRun set =
        CliRun.of(
            "retention",
            "riverside",
            "--contributions-days",
            "30",
            "--titles-days",
            "365",
            "--db",
            db());
    CliRun.of("import", "--db", db(), source.toString());
    CliRun shown = CliRun.of("retention", "riverside", "--db", db());

    String policy =
        "riverside: contributions kept for 30 days after each session;"
            + " case titles kept for 365 days after each session\n";
    assertEquals(ExitCodes.OK, set.exitCode, set::toString);
    assertEquals(policy, set.out);
    assertEquals(policy, shown.out);
  }

  @Test
  void retention_ofANewGroupOrAfterKeepEverything_keepsEverything() {
    CliRun.of("retention", "riverside", "--contributions-days", "30", "--db", db());

    CliRun cleared = CliRun.of("retention", "riverside", "--keep-everything", "--db", db());

    assertEquals(
        "riverside: contributions kept until deleted by hand; case titles kept for good\n",
        cleared.out);
  }

  @Test
  void retention_ofAGroupNotStored_exitsTwoNamingIt() {
    CliRun run = CliRun.of("retention", "nobody", "--contributions-days", "30", "--db", db());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: no group \"nobody\" in " + db() + "\n", run.err);
  }

  @Test
  void retention_withContradictoryOrNegativeOptions_exitsTwo() {
    CliRun both =
        CliRun.of(
            "retention", "riverside", "--keep-everything", "--titles-days", "3", "--db", db());
    CliRun negative =
        CliRun.of("retention", "riverside", "--contributions-days", "-1", "--db", db());

    assertEquals(ExitCodes.BAD_INPUT, both.exitCode, both::toString);
    assertEquals(ExitCodes.BAD_INPUT, negative.exitCode, negative::toString);
    assertEquals("balint: --contributions-days must be 0 or more, but was -1\n", negative.err);
  }

  @Test
  void purgeDryRun_atAGivenTime_saysWhatIsDueAndDeletesNothing() throws IOException {
    CliRun.of("retention", "riverside", "--contributions-days", "30", "--db", db());

    CliRun early = CliRun.of("purge", "--dry-run", "--at", "2026-12-06T19:29:59Z", "--db", db());
    CliRun later = CliRun.of("purge", "--dry-run", "--at", "2026-12-13T19:35:00Z", "--db", db());

    assertEquals("Nothing would be purged.\n", early.out);
    assertEquals(
        "riverside: contributions would be deleted from 2 sessions (2026-11-06, 2026-11-13)\n"
            + "Would purge 1 group.\n",
        later.out);
    assertEquals(ExitCodes.OK, later.exitCode, later::toString);
    assertEquals(BalintJson.read(source), exported());
  }

  @Test
  void purge_deletesWhatIsDueKeepingAttendanceAndThenFindsNothing() throws IOException {
    CliRun.of(
        "retention", "riverside", "--contributions-days", "0", "--titles-days", "0", "--db", db());

    CliRun purged = CliRun.of("purge", "--db", db());
    CliRun again = CliRun.of("purge", "--db", db());

    assertEquals(ExitCodes.OK, purged.exitCode, purged::toString);
    assertEquals(
        "riverside: contributions deleted from 2 sessions (2026-11-06, 2026-11-13);"
            + " case titles deleted from 3 sessions (2026-11-06, 2026-11-13, 2026-11-20)\n"
            + "Purged 1 group.\n",
        purged.out);
    assertEquals("Nothing to purge.\n", again.out);
    GroupRecord original = BalintJson.read(source);
    GroupRecord after = exported();
    for (int i = 0; i < original.sessions().size(); i++) {
      Session before = original.sessions().get(i);
      Session kept = after.sessions().get(i);
      assertEquals(before.present(), kept.present());
      assertEquals(before.recording(), kept.recording());
      assertEquals(0, kept.contributions().size());
      assertEquals("[CASE-TITLE]", kept.cases().get(0).title());
      assertEquals(before.cases().get(0).presenter(), kept.cases().get(0).presenter());
    }
  }

  @Test
  void purge_atAGivenTimeWithoutDryRun_exitsTwo() throws IOException {
    CliRun run = CliRun.of("purge", "--at", "2030-01-01T00:00:00Z", "--db", db());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(BalintJson.read(source), exported());
  }

  @Test
  void purge_unreachableDatabase_exitsThreeOnOneLine() {
    CliRun run = CliRun.of("purge", "--db", "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(ExitCodes.STORAGE, run.exitCode, run::toString);
    assertEquals(1, run.err.strip().lines().count(), run::toString);
  }
}
