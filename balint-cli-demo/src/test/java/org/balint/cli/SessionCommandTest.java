package org.balint.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.balint.json.BalintJson;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code balint session}: ids refused where typed, sessions typed up afterwards with timed lines,
 * and the journal: a session whose input ends, or whose process is killed, before {@code end} is
 * stored whole after {@code --resume} and {@code end}.
 */
class SessionCommandTest {
  /** A session typed up afterwards, every line timed, up to (not including) its end. */
  private static final List<String> TYPED_UP =
      List.of(
          "present L1 L2 m1 m2 m3 m4 m5 m6 m7 m8",
          "record research",
          "consent all",
          "18:00 start",
          "18:01 L1: Who has a case tonight?",
          "18:02 case m3 The man with the folder of letters",
          "18:03 m3: He brings a folder of letters from other doctors and reads them to me.",
          "18:15 next",
          "18:16 m4: How long has he been coming to you?",
          "18:24 phase discussion",
          "18:26 m6: I felt weighed down by the folder, as if I had to carry it too.",
          "18:40 m2: I wonder what he hopes the letters will prove.",
          "19:10 phase returns",
          "19:12 m3: I had not noticed how much I dread the folder.",
          "19:20 phase closing",
          "19:24 L1 [FACILITATION]: Thank you all.");

  @TempDir Path dir;

  private String db;
  private Path journals;

  @BeforeEach
  void importTheExampleGroup() throws IOException {
    db = "jdbc:h2:file:" + dir.resolve("db").resolve("balint");
    journals = dir.resolve("data").resolve("sessions");
    Path example = dir.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, example);
    }
    CliRun imported = CliRun.of("import", "--db", db, example.toString());
    assertTrue(imported.exitCode <= ExitCodes.VIOLATIONS, imported::toString);
  }

  private CliRun session(List<String> lines, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "session",
                "--group",
                "riverside",
                "--db",
                db,
                "--journal-dir",
                journals.toString()));
    args.addAll(List.of(options));
    return CliRun.withInput(String.join("\n", lines) + "\n", args.toArray(new String[0]));
  }

  private Session stored(String sessionId) {
    CliRun exported = CliRun.of("export", "riverside", "--db", db);
    GroupRecord record = BalintJson.read(exported.out.getBytes(UTF_8));
    return record
        .session(sessionId)
        .orElseThrow(() -> new AssertionError("no session " + sessionId + ":\n" + exported));
  }

  private List<Path> journalFiles() throws IOException {
    if (!Files.isDirectory(journals)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(journals)) {
      return files.collect(Collectors.toList());
    }
  }

  private static List<String> plus(List<String> lines, String... more) {
    List<String> all = new ArrayList<>(lines);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void present_anIdNotOnTheRoster_isRefusedOnThatLine_andNothingOfTheLineIsNoted() {
    CliRun run = session(List.of("present L1 m1 m10", "who", "present L1 m1", "quit"));

    assertTrue(
        run.out.contains("refused: m10 is not on the roster of group riverside; nothing was noted"),
        run::toString);
    assertFalse(run.out.contains("present: L1, m1, m10"), run::toString);
    assertTrue(
        run.out.lines().anyMatch(line -> line.matches("\\s+m1\\s+.*\\s-$")),
        "m1 not yet present:\n" + run);
    assertTrue(run.out.contains("present: L1, m1"), run::toString);
  }

  @Test
  void consentAndSpeakers_offTheRoster_areRefusedWhereTyped() {
    CliRun run = session(List.of("present L1 m1", "consent m99", "start", "x7: Hello.", "quit"));

    assertTrue(
        run.out.contains("refused: m99 is not on the roster of group riverside"), run::toString);
    assertTrue(
        run.out.contains("refused: x7 is not on the roster of group riverside, so cannot speak"),
        run::toString);
  }

  @Test
  void start_saysWhoHasNotConsented_andWhatWillThenBeStored() {
    CliRun run =
        session(List.of("present L1 m1 m2", "record research", "consent L1 m1", "start", "quit"));

    assertTrue(
        run.out.contains(
            "* Not everyone present consented to the recording for research (missing:"
                + " Dr Priya Nair (m2)): unless they consent before the end, only attendance and the case titles"
                + " will be kept, not what is said."),
        run::toString);
  }

  @Test
  void phaseNext_andNext_bothMoveToTheNextPhase_andAMistypedPhaseNamesTheChoices() {
    CliRun run =
        session(
            List.of(
                "present L1 m1 m2",
                "start",
                "case m1 The sick notes",
                "phase next",
                "phase nxt",
                "next",
                "quit"));

    assertTrue(run.out.contains("-- case 1: the questions --"), run::toString);
    assertTrue(
        run.out.contains(
            "refused: unknown phase \"nxt\"; expected questions|discussion|returns|closing or next"),
        run::toString);
    assertTrue(run.out.contains("-- case 1: the discussion --"), run::toString);
  }

  @Test
  void typedUp_withStartAndTimedLines_isStoredWithThoseInstants() throws IOException {
    CliRun run = session(plus(TYPED_UP, "19:30 end"), "--start", "2026-11-27T18:00:00Z");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    Session session = stored("2026-11-27");
    assertEquals(Instant.parse("2026-11-27T18:00:00Z"), session.start());
    assertEquals(Optional.of(Instant.parse("2026-11-27T19:30:00Z")), session.end());
    assertEquals(
        Optional.of(Instant.parse("2026-11-27T18:01:00Z")), session.contributions().get(0).at());
    assertEquals(
        Optional.of(Instant.parse("2026-11-27T18:40:00Z")), session.contributions().get(4).at());
    assertEquals(Phase.DISCUSSION, session.contributions().get(4).phase());
    assertEquals(7, session.contributions().size());
    assertFalse(run.out.contains("session.duration"), run::toString);
    assertEquals(List.of(), journalFiles());
  }

  @Test
  void typedUp_aTimeBeforeTheLineBefore_isRefused() {
    CliRun run =
        session(
            List.of(
                "present L1 m1", "18:00 start", "18:10 L1: Welcome.", "18:05 L1: Again.", "quit"),
            "--start",
            "2026-11-27T18:00:00Z");

    assertTrue(
        run.out.contains(
            "refused: 18:05 is before the time of the line before (18:10); lines go in time order"),
        run::toString);
  }

  @Test
  void live_aTimedLine_isRefused() {
    CliRun run = session(List.of("present L1", "18:05 start", "quit"));

    assertTrue(
        run.out.contains(
            "refused: a line may begin with a time only in a session typed up afterwards"),
        run::toString);
  }

  @Test
  void inputEndsBeforeEnd_thenResumeAndEnd_storesExactlyTheSessionAnUninterruptedRunStores()
      throws IOException {
    CliRun whole =
        session(
            plus(TYPED_UP, "19:30 end"), "--start", "2026-11-27T18:00:00Z", "--session", "whole");
    assertEquals(ExitCodes.OK, whole.exitCode, whole::toString);

    CliRun cut =
        session(TYPED_UP.subList(0, 11), "--start", "2026-11-27T18:00:00Z", "--session", "cut");
    assertEquals(ExitCodes.BAD_INPUT, cut.exitCode, cut::toString);
    assertTrue(
        cut.err.contains(
            "the input ended before 'end': the session is not stored but kept unfinished;"
                + " continue it with 'balint session --group riverside --resume'"),
        cut::toString);
    assertEquals(1, journalFiles().size());
    Path journal = journalFiles().get(0);
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journals)));

    CliRun again = session(List.of("quit"));
    assertEquals(ExitCodes.BAD_INPUT, again.exitCode, again::toString);
    assertTrue(
        again.err.contains(
            "group riverside has an unfinished session cut (11 lines, the last at"
                + " 2026-11-27T18:26:00Z); continue it with 'balint session --group riverside --resume', or drop it"
                + " with --discard"),
        again::toString);

    CliRun resumed = session(plus(TYPED_UP.subList(11, TYPED_UP.size()), "19:30 end"), "--resume");
    assertEquals(ExitCodes.OK, resumed.exitCode, resumed::toString);
    assertTrue(
        resumed.out.contains(
            "Resumed from the journal: 11 lines replayed; 10 present, case 1 in the"
                + " discussion, 4 contributions so far."),
        resumed::toString);
    assertEquals(stored("whole").withId("cut"), stored("cut"));
    assertEquals(List.of(), journalFiles());
  }

  @Test
  void discard_dropsTheUnfinishedSession_andResumeThenFindsNone() throws IOException {
    session(TYPED_UP.subList(0, 5), "--start", "2026-11-27T18:00:00Z");

    CliRun dropped = session(List.of(), "--discard");
    assertEquals(ExitCodes.OK, dropped.exitCode, dropped::toString);
    assertTrue(
        dropped.out.contains(
            "Dropped the unfinished session 2026-11-27 (5 lines, the last at"
                + " 2026-11-27T18:01:00Z); nothing of it was stored."),
        dropped::toString);
    assertEquals(List.of(), journalFiles());

    CliRun none = session(List.of(), "--resume");
    assertEquals(ExitCodes.BAD_INPUT, none.exitCode, none::toString);
    assertTrue(
        none.err.startsWith("balint: group riverside has no unfinished session in " + db),
        none::toString);
  }

  @Test
  void quit_piped_leavesTheSessionInTheJournal_andAbsentTakesBackAPresence() throws IOException {
    CliRun run = session(List.of("present L1 m1 m2", "absent m2", "start", "L1: Welcome.", "quit"));

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(
        run.out.contains(
            "left the session unfinished: continue it with 'balint session --group"
                + " riverside --resume'"),
        run::toString);
    assertEquals(1, journalFiles().size());
    CliRun resumed = session(List.of("case m1 A quiet case", "end"), "--resume");
    assertTrue(resumed.out.contains("Stored session"), resumed::toString);
    Session session = stored(today());
    assertEquals(List.of("L1", "m1"), session.present());
  }

  @Test
  void killedBeforeEnd_thenResumeAndEnd_storesTheWholeSession() throws Exception {
    List<String> lines =
        TYPED_UP.stream()
            .map(line -> line.replaceFirst("^\\d\\d:\\d\\d ", ""))
            .collect(Collectors.toList());
    Path output = dir.resolve("child.out");
    Process child = startSession(output);
    try (OutputStream stdin = child.getOutputStream()) {
      for (String line : lines) {
        stdin.write((line + "\n").getBytes(UTF_8));
        stdin.flush();
      }
      awaitJournalEntries(lines.size(), child, output);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the session process did not die");
    }
    List<String> journal = Files.readAllLines(journalFiles().get(0), UTF_8);
    List<Instant> accepted =
        journal.subList(journal.indexOf("") + 1, journal.size()).stream()
            .map(entry -> Instant.parse(entry.substring(0, entry.indexOf('\t'))))
            .collect(Collectors.toList());

    CliRun resumed = session(List.of("end"), "--resume");

    assertTrue(
        resumed.out.contains("Resumed from the journal: " + lines.size() + " lines replayed"),
        resumed::toString);
    Session session = stored(today());
    List<String> said =
        lines.stream()
            .filter(line -> line.contains(": "))
            .map(line -> line.substring(line.indexOf(": ") + 2))
            .collect(Collectors.toList());
    assertEquals(
        said,
        session.contributions().stream().map(Contribution::text).collect(Collectors.toList()));
    assertEquals(accepted.get(lines.indexOf("start")), session.start());
    assertEquals(
        Optional.of(accepted.get(lines.size() - 1)),
        session.contributions().get(said.size() - 1).at());
    assertEquals(10, session.present().size());
    assertEquals(List.of(), journalFiles());
  }

  private Process startSession(Path output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "session", "--group", "riverside", "--db", db, "--journal-dir", journals.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  /** Waits until the child's journal holds a number of accepted lines (or the child ends). */
  private void awaitJournalEntries(int entries, Process child, Path output) throws Exception {
    for (int waited = 0; waited < 600; waited++) {
      List<Path> files = journalFiles();
      if (!files.isEmpty()) {
        List<String> journal = Files.readAllLines(files.get(0), UTF_8);
        int blank = journal.indexOf("");
        if (blank >= 0 && journal.size() - blank - 1 >= entries) {
          return;
        }
      }
      if (!child.isAlive()) {
        throw new AssertionError("the session process ended early:\n" + Files.readString(output));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the journal never held " + entries + " lines:\n" + Files.readString(output));
  }

  /** The id a live session takes by default: today's date in UTC. */
  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }
}
