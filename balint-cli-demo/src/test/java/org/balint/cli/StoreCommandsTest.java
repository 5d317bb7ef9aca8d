package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.balint.group.Group;
import org.balint.group.Member;
import org.balint.group.Profession;
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
      for (String rule :
          new String[] {"discussion.clinical", "discussion.new-case", "discussion.judgement"}) {
        assertEquals(
            1,
            demo.out.split("! WARNING " + rule, -1).length - 1,
            rule + " caught once, live: " + demo);
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
    assertEquals(
        ExitCodes.VIOLATIONS,
        imported.exitCode,
        "the example breaks presenter.silence: " + imported);
    assertTrue(
        imported.out.contains("merged into group riverside: 11 people added"), imported::toString);

    Path out = dir.resolve("exported.json");
    CliRun exported = CliRun.of("export", "riverside", "--db", db(), "--out", out.toString());

    assertEquals(ExitCodes.OK, exported.exitCode, exported::toString);
    assertEquals(BalintJson.read(source), BalintJson.read(out));
  }

  @Test
  void export_aSessionWhoseModeWasNotGiven_leavesItAbsent() throws IOException {
    String withoutMode =
        Files.readString(example(), StandardCharsets.UTF_8).replace("\"mode\": \"IN_PERSON\",", "");
    Path source = dir.resolve("no-mode.json");
    Files.writeString(source, withoutMode, StandardCharsets.UTF_8);
    CliRun imported = CliRun.of("import", "--db", db(), source.toString());
    assertEquals(ExitCodes.VIOLATIONS, imported.exitCode, imported::toString);

    CliRun exported = CliRun.of("export", "riverside", "--db", db());

    assertEquals(ExitCodes.OK, exported.exitCode, exported::toString);
    assertEquals(
        1, exported.out.split("\"mode\"", -1).length - 1, "only the ONLINE session keeps a mode");
    assertEquals(
        BalintJson.read(source), BalintJson.read(exported.out.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void import_twice_storesTheDocumentOnceWithoutDuplicates() throws IOException {
    Path source = example();
    CliRun.of("import", "--db", db(), source.toString());
    CliRun.of("import", "--db", db(), source.toString());

    CliRun exported = CliRun.of("export", "riverside", "--db", db());

    assertEquals(
        BalintJson.read(source), BalintJson.read(exported.out.getBytes(StandardCharsets.UTF_8)));
  }

  /** The example's roster with one more member, and no sessions: the natural roster update. */
  private Path rosterUpdate() throws IOException {
    GroupRecord example = BalintJson.read(example());
    GroupRecord update =
        GroupRecord.builder()
            .group(
                Group.builder()
                    .from(example.group())
                    .addMember(
                        Member.builder()
                            .id("m10")
                            .name("Dr New Comer")
                            .profession(Profession.NURSE)
                            .joined(LocalDate.of(2027, 1, 4))
                            .build())
                    .build())
            .build();
    Path file = dir.resolve("roster.json");
    Files.writeString(file, BalintJson.write(update));
    return file;
  }

  @Test
  void import_rosterWithOneMoreMemberAndNoSessions_keepsEverySessionAndPersonAndAddsTheMember()
      throws IOException {
    GroupRecord example = BalintJson.read(example());
    CliRun.of("import", "--db", db(), example().toString());

    CliRun merged = CliRun.of("import", "--db", db(), rosterUpdate().toString());

    assertTrue(
        merged.out.contains(
            "merged into group riverside: 1 person added, 0 updated; 0 sessions added, 0 replaced, 3 kept"),
        merged::toString);
    GroupRecord stored =
        BalintJson.read(
            CliRun.of("export", "riverside", "--db", db()).out.getBytes(StandardCharsets.UTF_8));
    assertEquals(example.sessions(), stored.sessions());
    assertEquals(example.group().members().size() + 1, stored.group().members().size());
    assertEquals(example.group().leaders(), stored.group().leaders());
    assertTrue(stored.group().member("m10").isPresent());
  }

  @Test
  void importReplace_withoutYesAndWithoutATerminal_deletesNothingSaysWhatAndExitsTwo()
      throws IOException {
    CliRun.of("import", "--db", db(), example().toString());
    String before = CliRun.of("export", "riverside", "--db", db()).out;

    CliRun replaced = CliRun.of("import", "--replace", "--db", db(), rosterUpdate().toString());

    assertEquals(ExitCodes.BAD_INPUT, replaced.exitCode, replaced::toString);
    assertTrue(
        replaced.err.contains("--replace would delete from group riverside: 3 sessions ("),
        replaced::toString);
    assertTrue(
        replaced.err.contains("nothing of it was stored and nothing deleted"), replaced::toString);
    assertEquals(before, CliRun.of("export", "riverside", "--db", db()).out);
  }

  @Test
  void importReplace_withYes_makesTheStoredGroupExactlyTheDocument() throws IOException {
    CliRun.of("import", "--db", db(), example().toString());
    Path update = rosterUpdate();

    CliRun replaced = CliRun.of("import", "--replace", "--yes", "--db", db(), update.toString());

    assertTrue(
        replaced.out.contains("replacing what was stored (deleted: 3 sessions"),
        replaced::toString);
    assertEquals(
        BalintJson.read(update),
        BalintJson.read(
            CliRun.of("export", "riverside", "--db", db()).out.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void import_yesWithoutReplace_isBadUsage() throws IOException {
    CliRun imported = CliRun.of("import", "--yes", "--db", db(), example().toString());

    assertEquals(ExitCodes.BAD_INPUT, imported.exitCode, imported::toString);
  }

  @Test
  void export_mistypedH2Path_createsNoDatabaseThere() {
    Path typo = dir.resolve("tpyo");

    CliRun exported =
        CliRun.of("export", "riverside", "--db", "jdbc:h2:file:" + typo.resolve("balint"));

    assertEquals(ExitCodes.BAD_INPUT, exported.exitCode, exported::toString);
    assertTrue(exported.err.contains("the database does not exist"), exported::toString);
    assertFalse(Files.exists(typo), "nothing created at " + typo);
  }

  @Test
  void mysqlUrl_saysWhichSchemesAreSupported_andHidesThePassword() {
    CliRun exported =
        CliRun.of(
            "export",
            "riverside",
            "--db",
            "jdbc:mysql://127.0.0.1:1/balint?user=root&password=hunter2");

    assertTrue(
        exported.err.contains("the URL schemes Balint supports are jdbc:h2:"), exported::toString);
    assertFalse(exported.err.contains("hunter2"), exported::toString);
    assertEquals(1, exported.err.strip().lines().count(), exported::toString);
  }

  @Test
  void exportAndRetention_neverEchoAPassword() throws IOException {
    String url = db() + ";password=hunter2";
    CliRun.of("import", "--db", url, example().toString());

    CliRun exported = CliRun.of("export", "nosuchgroup", "--db", url);
    CliRun retention = CliRun.of("retention", "nosuchgroup", "--db", url);

    assertTrue(exported.err.contains("no group"), exported::toString);
    assertFalse(exported.err.contains("hunter2"), exported::toString);
    assertFalse(retention.err.contains("hunter2"), retention::toString);
  }

  @Test
  void import_documentWithAPatientIdentifier_storesNothingAndOffersRedaction() throws IOException {
    String withName =
        Files.readString(example())
            .replace(
                "I felt quite tired just listening",
                "Mrs Jane Smith made me feel quite tired listening");
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
    CliRun exported =
        CliRun.of("export", "riverside", "--db", "jdbc:postgresql://127.0.0.1:1/nothing");

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

    CliRun session =
        CliRun.withInput(
            script,
            "session",
            "--group",
            "riverside",
            "--session",
            "s-9",
            "--db",
            db(),
            "--journal-dir",
            dir.resolve("journal").toString());

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
        String.join(
            "\n",
            "present L1 m1 m2",
            "start",
            "case m1 A quiet case",
            "m1: She never looks at me.",
            "phase discussion",
            "m2: I wonder what she is afraid of.",
            "end",
            "");

    CliRun session =
        CliRun.withInput(
            script,
            "session",
            "--group",
            "riverside",
            "--session",
            "s-10",
            "--db",
            db(),
            "--journal-dir",
            dir.resolve("journal").toString());

    assertTrue(session.out.contains("the contributions are not"), session::toString);
    GroupRecord record =
        BalintJson.read(
            CliRun.of("export", "riverside", "--db", db()).out.getBytes(StandardCharsets.UTF_8));
    Session stored = record.session("s-10").orElseThrow();
    assertTrue(stored.contributions().isEmpty());
    assertEquals("A quiet case", stored.cases().get(0).title());
  }
}
