package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that use the store: demo, import, export, session. */
class StoreCommandsTest {
  @TempDir Path dir;

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("db").resolve("balint");
  }

  private Path example() throws IOException {
    Path file = dir.resolve("riverside.json");
    if (!Files.exists(file)) {
      try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
        Files.copy(in, file);
      }
    }
    return file;
  }

  @Test
  void demo_runsTwiceInARowAndReadsBackWhatItStored() {
    for (int run = 1; run <= 2; run++) {
      CliRun demo = CliRun.of("demo", "--db", db());

      assertEquals(ExitCodes.OK, demo.exitCode, demo::toString);
      assertTrue(demo.out.contains("Read back from the store: identical"), demo::toString);
      assertTrue(demo.out.contains("! ERROR presenter.silence"), "caught live: " + demo);
      for (String rule : new String[] {"discussion.clinical", "discussion.new-case", "discussion.judgement"}) {
        assertEquals(1, demo.out.split("! WARNING " + rule, -1).length - 1, rule + " caught once, live: " + demo);
      }
      assertTrue(demo.out.contains("Phase timings against plan"), demo::toString);
      assertTrue(demo.out.contains("Fidelity to the method"), demo::toString);
      assertEquals("", demo.err);
    }
  }

  @Test
  void importThenExport_givesBackTheDocument() throws IOException {
    Path source = example();
    CliRun imported = CliRun.of("import", "--db", db(), source.toString());
    assertEquals(ExitCodes.VIOLATIONS, imported.exitCode, "the example breaks presenter.silence: " + imported);
    assertTrue(imported.out.contains("stored group riverside"), imported::toString);

    Path out = dir.resolve("exported.json");
    CliRun exported = CliRun.of("export", "riverside", "--db", db(), "--out", out.toString());

    assertEquals(ExitCodes.OK, exported.exitCode, exported::toString);
    assertEquals(BalintJson.read(source), BalintJson.read(out));
  }

  @Test
  void import_twice_replacesRatherThanDuplicates() throws IOException {
    Path source = example();
    CliRun.of("import", "--db", db(), source.toString());
    CliRun.of("import", "--db", db(), source.toString());

    CliRun exported = CliRun.of("export", "riverside", "--db", db());

    assertEquals(BalintJson.read(source), BalintJson.read(exported.out.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void import_documentWithAPatientIdentifier_storesNothingAndOffersRedaction() throws IOException {
    String withName =
        Files.readString(example()).replace("I felt quite tired just listening", "Mrs Jane Smith made me feel quite tired listening");
    Path source = dir.resolve("leaky.json");
    Files.writeString(source, withName);

    CliRun imported = CliRun.of("import", "--db", db(), source.toString());

    assertEquals(ExitCodes.VIOLATIONS, imported.exitCode, imported::toString);
    assertTrue(imported.err.contains("confidentiality.identifier"), imported::toString);
    assertTrue(imported.err.contains("redact --document"), imported::toString);
    CliRun exported = CliRun.of("export", "riverside", "--db", db());
    assertEquals(ExitCodes.BAD_INPUT, exported.exitCode, "nothing stored: " + exported);
  }

  @Test
  void import_unreadableFileAmongGoodOnes_storesNothing() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{");

    CliRun imported = CliRun.of("import", "--db", db(), example().toString(), broken.toString());

    assertEquals(ExitCodes.BAD_INPUT, imported.exitCode, imported::toString);
    assertEquals(ExitCodes.BAD_INPUT, CliRun.of("export", "riverside", "--db", db()).exitCode);
  }

  @Test
  void export_unreachableDatabase_exitsThreeWithThePlainCause() {
    CliRun exported = CliRun.of("export", "riverside", "--db", "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(ExitCodes.STORAGE, exported.exitCode, exported::toString);
    assertEquals(1, exported.err.strip().lines().count(), exported::toString);
    assertFalse(exported.err.contains("\tat "), exported::toString);
  }

  @Test
  void session_pipedIn_isRecordedWithLiveWarningsAndStored() throws IOException {
    CliRun.of("import", "--db", db(), example().toString());
    String script =
        String.join(
            "\n",
            "present L1 L2 m1 m2 m3 m4 m5 m6 m7 m8",
            "record research",
            "consent all",
            "start",
            "L1: Who has a case tonight?",
            "case m3 The man with the folder of letters",
            "m3: He brings a folder of letters from other doctors and reads them to me.",
            "next",
            "m4: How long has he been coming to you?",
            "phase discussion",
            "m6: I felt weighed down by the folder, as if I had to carry it too.",
            "m3: Actually the letters are all from one hospital.",
            "m9: I wonder what he hopes the letters will prove.",
            "phase returns",
            "m3: I had not noticed how much I dread the folder.",
            "phase closing",
            "L1 [FACILITATION]: Thank you all.",
            "end",
            "");

    CliRun session = CliRun.withInput(script, "session", "--group", "riverside", "--session", "s-9", "--db", db(),
        "--journal-dir", dir.resolve("journal").toString());

    assertTrue(session.out.contains("! ERROR presenter.silence"), session::toString);
    assertTrue(session.out.contains("refused: m9 is not marked present"), session::toString);
    assertTrue(session.out.contains("Stored session s-9"), session::toString);
    CliRun exported = CliRun.of("export", "riverside", "--db", db());
    GroupRecord record = BalintJson.read(exported.out.getBytes(StandardCharsets.UTF_8));
    Session stored = record.session("s-9").orElseThrow();
    assertEquals(7, stored.contributions().size());
    assertEquals(10, stored.present().size());
    assertEquals("The man with the folder of letters", stored.cases().get(0).title());
  }

  @Test
  void session_withoutConsent_storesAttendanceButNotWhatWasSaid() throws IOException {
    CliRun.of("import", "--db", db(), example().toString());
    String script =
        String.join("\n", "present L1 m1 m2", "start", "case m1 A quiet case", "m1: She never looks at me.", "phase discussion",
            "m2: I wonder what she is afraid of.", "end", "");

    CliRun session = CliRun.withInput(script, "session", "--group", "riverside", "--session", "s-10", "--db", db(),
        "--journal-dir", dir.resolve("journal").toString());

    assertTrue(session.out.contains("the contributions are not"), session::toString);
    GroupRecord record =
        BalintJson.read(CliRun.of("export", "riverside", "--db", db()).out.getBytes(StandardCharsets.UTF_8));
    Session stored = record.session("s-10").orElseThrow();
    assertTrue(stored.contributions().isEmpty());
    assertEquals("A quiet case", stored.cases().get(0).title());
  }
}
