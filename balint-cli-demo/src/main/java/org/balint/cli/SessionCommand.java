package org.balint.cli;

import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.balint.group.Group;
import org.balint.jdbc.JdbcStore;
import org.balint.live.FinishedSession;
import org.balint.live.KeptSession;
import org.balint.live.Prompt;
import org.balint.live.SessionListener;
import org.balint.live.SessionRecorder;
import org.balint.live.Timing;
import org.balint.live.TimingWarning;
import org.balint.method.Protocol;
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.balint.store.StorageException;
import org.balint.store.Versioned;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint session --group ID [--db JDBC_URL] [--resume | --discard] [--start INSTANT]}: a
 * facilitator's or note-taker's live session.
 *
 * <p>Reads one command a line (from a person at a terminal, with completion of commands and speaker
 * ids, or piped in): mark who is present and who consents, start, present a case, move between
 * phases, enter contributions as {@code id: text}, see the timer, prompts and live warnings, and
 * end the session to store it. Every accepted line goes to a {@link SessionJournal} before the next
 * prompt, so a session cut short is continued with {@code --resume}. A session typed up afterwards
 * takes its start from {@code --start}, and its lines may begin with the time they were said. Type
 * {@code help} for the commands.
 */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description =
        "Run a Balint session live: attendance, consent, phases, contributions as 'id: text',"
            + " timer, prompts and warnings as they happen; 'end' stores it. Type 'help' inside."
            + " Every accepted line is kept in a journal until the session is stored: a session"
            + " cut short (end of input, Ctrl-C, a crash) is continued with --resume.")
final class SessionCommand implements Callable<Integer> {
  private static final Pattern CONTRIBUTION =
      Pattern.compile("^([A-Za-z0-9._-]{1,64})(?:\\s*\\[([A-Za-z_]+)\\])?\\s*:\\s*(.+)$");
  private static final Pattern TIMED =
      Pattern.compile("^([01]?\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d))?\\s+(\\S.*)$");
  private static final List<String> COMMANDS =
      List.of(
          "help", "who", "present", "absent", "consent", "record", "online", "start", "case",
          "phase", "next", "time", "end", "quit");

  /** The commands that change the session, and so go to the journal (with contributions). */
  private static final ImmutableSet<String> JOURNALED =
      ImmutableSet.of(
          "present", "absent", "consent", "record", "online", "start", "case", "phase", "next");

  private static final Duration TIMER_PERIOD = Duration.ofSeconds(15);
  private static final Duration MIDNIGHT_WINDOW = Duration.ofHours(12);
  private static final String HELP =
      String.join(
          System.lineSeparator(),
          "  present ID...|all     mark people present        absent ID   take a presence back",
          "  record research|supervision                      keep a transcript, for this purpose",
          "  consent ID...|all     record consent to the transcript (all: everyone present)",
          "  online                the group meets online     who         roster, presence, consent",
          "  start                 start the session (the opening)",
          "  case ID TITLE         ID presents a case called TITLE (enters the presentation)",
          "  phase NAME            go to a phase: " + phaseNames(),
          "  next (or phase next)  go to the next phase",
          "  ID: TEXT              ID says TEXT (ID [KIND]: TEXT to code its kind)",
          "  time                  elapsed and remaining time",
          "  end                   end the session, check it and store it",
          "  quit                  leave; the session stays unfinished (continue it with --resume)",
          "  HH:MM LINE            with --start: LINE happened at HH:MM (e.g. 18:05 m3: ...)");

  @Spec private CommandSpec spec;

  @Option(
      names = "--group",
      required = true,
      paramLabel = "ID",
      description = "The group meeting (stored already: see 'balint import').")
  private String groupId;

  @Option(
      names = "--session",
      paramLabel = "ID",
      description = "The new session's id (default: the date of its start).")
  private @Nullable String sessionId;

  @Option(
      names = "--resume",
      description = "Continue the group's unfinished session where it stopped.")
  private boolean resume;

  @Option(
      names = "--discard",
      description = "Drop the group's unfinished session (nothing of it is stored).")
  private boolean discard;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description =
          "For a session typed up afterwards: when it started, e.g. 2026-11-27T18:00:00Z; lines may then begin with the time they were said (18:05 m3: ...).")
  private @Nullable String startOption;

  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description =
          "Where unfinished sessions are kept (default: sessions/ in $XDG_DATA_HOME/balint or ~/.local/share/balint).")
  private @Nullable Path journalDir;

  @Mixin private StoreOption storeOption;

  @Mixin private ProtocolOption protocolOption;

  @Option(
      names = "--plain",
      description = "Read plain lines even at a terminal (no line editor or completion).")
  private boolean plain;

  // What one run of the command works with, known only once call() has found the group and
  // run() has opened the console: both set these before any other method reads them (picocli
  // calls nothing else), so NullAway's initialisation check is suppressed for these fields alone;
  // reads of them are still checked.
  @SuppressWarnings("NullAway.Init")
  private SessionRecorder recorder;

  @SuppressWarnings("NullAway.Init")
  private SessionConsole console;

  @SuppressWarnings("NullAway.Init")
  private SessionJournal journal;

  @SuppressWarnings("NullAway.Init")
  private Group group;

  private final SessionClock clock = new SessionClock(Clock.systemUTC());
  private final Map<String, String> header = new LinkedHashMap<>();

  private volatile boolean replaying;
  private @Nullable OffsetDateTime typedUpStart;

  @Override
  public Integer call() throws IOException {
    if (resume && discard) {
      throw new CliFailure(ExitCodes.BAD_INPUT, "choose one of --resume and --discard");
    }
    Protocol protocol = protocolOption.resolve();
    try (JdbcStore store = storeOption.open()) {
      group =
          store
              .groups()
              .findGroup(groupId)
              .orElseThrow(
                  () ->
                      new CliFailure(
                          ExitCodes.BAD_INPUT,
                          "no group \""
                              + groupId
                              + "\" in "
                              + storeOption.describe()
                              + "; store it first with 'balint import FILE'"))
              .value();
      Path folder = journalDir != null ? journalDir : SessionJournal.defaultFolder();
      journal = SessionJournal.of(folder, storeOption.describe(), groupId);
      try {
        SessionJournal.Contents contents = openJournal();
        if (contents == null && discard) {
          return ExitCodes.OK;
        }
        return run(store, protocol, contents);
      } catch (SessionJournal.JournalException e) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            "the unfinished session in "
                + journal.file()
                + (e.inUse
                    ? " is in use: " + e.getMessage()
                    : " cannot be continued: " + e.getMessage() + "; drop it with --discard"));
      } finally {
        journal.close();
      }
    }
  }

  /**
   * Looks for an unfinished session: drops it with --discard, opens it with --resume, refuses to
   * start another beside it. Returns what it holds, or null to start a new session.
   */
  private SessionJournal.@Nullable Contents openJournal() throws IOException {
    if (!journal.exists()) {
      if (resume || discard) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            "group "
                + groupId
                + " has no unfinished session in "
                + storeOption.describe()
                + " (looked for "
                + journal.file()
                + ")");
      }
      return null;
    }
    if (discard) {
      journal.open();
      String what;
      try {
        what = describe(journal.contents());
      } catch (SessionJournal.JournalException unreadable) {
        what = "in " + journal.file() + " (" + unreadable.getMessage() + ")";
      }
      journal.delete();
      spec.commandLine()
          .getOut()
          .println("Dropped the unfinished session " + what + "; nothing of it was stored.");
      spec.commandLine().getOut().flush();
      return null;
    }
    if (!resume) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "group "
              + groupId
              + " has an unfinished session "
              + describe(journal.contents())
              + "; continue it with 'balint session --group "
              + groupId
              + " --resume', or drop it with --discard");
    }
    if (sessionId != null || startOption != null) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "leave out --session and --start with --resume: the unfinished session keeps its own");
    }
    journal.open();
    return journal.contents();
  }

  /** "2026-11-27 (14 lines, the last at 2026-11-27T19:02:10Z)". */
  private static String describe(SessionJournal.Contents contents) {
    int lines = contents.entries.size();
    return contents.get("session")
        + " ("
        + lines
        + (lines == 1 ? " line" : " lines")
        + (lines == 0
            ? ""
            : ", the last at " + contents.entries.get(lines - 1).at.truncatedTo(ChronoUnit.SECONDS))
        + ")";
  }

  private int run(JdbcStore store, Protocol protocol, SessionJournal.@Nullable Contents contents)
      throws IOException {
    String id;
    if (contents != null) {
      id = contents.get("session");
      String start = contents.header.get("start");
      typedUpStart = start == null ? null : parseStart(start);
    } else {
      typedUpStart = startOption == null ? null : parseStart(startOption);
      id =
          sessionId != null
              ? sessionId
              : freeSessionId(
                  store,
                  typedUpStart == null
                      ? LocalDate.now(ZoneOffset.UTC)
                      : typedUpStart.toLocalDate());
    }
    if (store.sessions().find(groupId, id).isPresent()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          contents != null
              ? "session "
                  + id
                  + " of group "
                  + groupId
                  + " is already stored, so the unfinished one in the journal is left over; drop it with --discard"
              : "group "
                  + groupId
                  + " already has a session \""
                  + id
                  + "\"; choose another with --session");
    }
    header.put("group", groupId);
    header.put("session", id);
    if (typedUpStart != null) {
      header.put("start", typedUpStart.toString());
      clock.hold(typedUpStart.toInstant());
    }
    boolean atTerminal = !plain && System.console() != null;
    try (SessionConsole opened =
        SessionConsole.open(
            BalintCommand.root(spec).stdin(),
            spec.commandLine().getOut(),
            atTerminal,
            this::completions)) {
      console = opened;
      console.println(
          String.format(
              "Session %s of %s (%s)%s. Type 'help' for the commands.",
              id,
              group.name(),
              group.id(),
              typedUpStart == null ? "" : ", typed up: it started at " + typedUpStart));
      recorder = SessionRecorder.builder(group, id).protocol(protocol).clock(clock).build();
      recorder.addListener(new Announcer());
      if (contents != null) {
        replay(contents);
      }
      ScheduledExecutorService timer = typedUpStart == null ? startTimer() : null;
      try {
        FinishedSession finished = loop();
        return finished == null ? ExitCodes.OK : store(store, finished);
      } finally {
        if (timer != null) {
          timer.shutdownNow();
        }
      }
    }
  }

  /** Replays the journal through the recorder, quietly, at the instants it records. */
  private void replay(SessionJournal.Contents contents) {
    replaying = true;
    int n = 0;
    for (SessionJournal.Entry entry : contents.entries) {
      n++;
      clock.hold(entry.at);
      try {
        execute(entry.line);
      } catch (IllegalStateException | IllegalArgumentException e) {
        console.println("  line " + n + " of the journal is refused now: " + e.getMessage());
      }
    }
    replaying = false;
    if (typedUpStart == null) {
      clock.release();
    }
    String where =
        recorder.state() == SessionRecorder.State.RUNNING
            ? (recorder.currentCase().isPresent()
                    ? "case " + (recorder.currentCase().getAsInt() + 1) + " in "
                    : "in ")
                + recorder.currentPhase().words()
                + ", "
                + count(recorder.contributionCount(), "contribution")
                + " so far"
            : "not started yet";
    console.println(
        String.format(
            "Resumed from the journal: %s replayed; %d present, %s.",
            count(contents.entries.size(), "line"), recorder.presentIds().size(), where));
    if (recorder.state() == SessionRecorder.State.RUNNING) {
      showTime(recorder.tick());
    }
  }

  /**
   * Starts the timer that checks the time every 15 seconds, so that an overrun is told when nobody
   * is typing. It only ticks the recorder, whose methods run one at a time; the warnings reach the
   * console through {@link SessionConsole#println}, the one thing of the console safe from another
   * thread. The prompt's clock is brought up to date at the next prompt, not redrawn from here.
   */
  private ScheduledExecutorService startTimer() {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "balint-session-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(
        () -> {
          try {
            if (recorder.state() == SessionRecorder.State.RUNNING) {
              recorder.tick();
            }
          } catch (IllegalStateException finishedMeanwhile) {
            // The session finished between the check and the tick: nothing to warn about.
          }
        },
        TIMER_PERIOD.toMillis(),
        TIMER_PERIOD.toMillis(),
        TimeUnit.MILLISECONDS);
    return timer;
  }

  /** Reads and runs lines until the session ends (returned) or is left unfinished (null). */
  private @Nullable FinishedSession loop() throws IOException {
    while (true) {
      String line = console.readLine(promptText());
      if (line == null) {
        if (leave(true)) {
          return null;
        }
        continue;
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      @Nullable Instant before = clock.held();
      try {
        line = timed(line);
        Next next = execute(line);
        if (next == Next.END) {
          return recorder.finish();
        }
        if (next == Next.QUIT && leave(false)) {
          return null;
        }
        if (next == Next.JOURNAL) {
          if (!journal.isOpen()) {
            journal.create(header);
          }
          journal.append(clock.instant(), line);
        }
      } catch (IllegalStateException | IllegalArgumentException e) {
        restore(before);
        console.println("  refused: " + e.getMessage());
      } finally {
        if (typedUpStart == null) {
          clock.release();
        }
      }
    }
  }

  /**
   * Takes a line's time: in a session typed up afterwards, a leading HH:MM[:SS] sets the clock (the
   * date from the start); otherwise the line takes the time of the line before it. In a live
   * session the clock is held at now while the line runs. Returns the line without its time.
   */
  private String timed(String line) {
    Matcher timed = TIMED.matcher(line);
    if (typedUpStart == null) {
      if (timed.matches()) {
        throw new IllegalArgumentException(
            "a line may begin with a time only in a session typed up"
                + " afterwards (--start); this one is timed by the clock");
      }
      clock.hold(Instant.now().truncatedTo(ChronoUnit.MILLIS));
      return line;
    }
    if (!timed.matches()) {
      return line;
    }
    LocalTime time =
        LocalTime.of(
            Integer.parseInt(timed.group(1)),
            Integer.parseInt(timed.group(2)),
            timed.group(3) == null ? 0 : Integer.parseInt(timed.group(3)));
    Instant last = clock.instant();
    OffsetDateTime lastHere = last.atOffset(typedUpStart.getOffset());
    Instant at =
        OffsetDateTime.of(lastHere.toLocalDate(), time, typedUpStart.getOffset()).toInstant();
    if (at.isBefore(last)
        && Duration.between(last, at.plus(Duration.ofDays(1))).compareTo(MIDNIGHT_WINDOW) <= 0) {
      at = at.plus(Duration.ofDays(1));
    }
    if (at.isBefore(last)) {
      throw new IllegalArgumentException(
          String.format(
              "%s is before %s (%s); lines go in time order",
              timed.group(1) + ":" + timed.group(2),
              last.equals(typedUpStart.toInstant()) ? "the start" : "the time of the line before",
              lastHere.toLocalTime()));
    }
    if (at.isAfter(Instant.now())) {
      throw new IllegalArgumentException(
          timed.group(1)
              + ":"
              + timed.group(2)
              + " on "
              + at.atOffset(typedUpStart.getOffset()).toLocalDate()
              + " is in the future");
    }
    clock.hold(at);
    return timed.group(4);
  }

  private void restore(@Nullable Instant before) {
    if (typedUpStart != null && before != null) {
      clock.hold(before);
    }
  }

  /**
   * Whether to leave the session unfinished. At a terminal, asks first if anything is in the
   * journal; with piped input, says how to continue it (and, at the end of input, fails).
   */
  private boolean leave(boolean endOfInput) throws IOException {
    if (!journal.isOpen()) {
      console.println("  left; nothing was recorded");
      return true;
    }
    String howToContinue =
        "continue it with 'balint session --group "
            + groupId
            + " --resume'"
            + (journalDir == null ? "" : " --journal-dir " + journalDir)
            + ", or drop it with --discard";
    if (console.interactive()) {
      console.println("  The session is not stored yet; everything so far is kept in the journal.");
      if (!console.confirm("  Leave it unfinished for now? [y/N]")) {
        console.println("  carrying on; type 'end' to store the session");
        return false;
      }
      console.println("  left the session unfinished: " + howToContinue);
      return true;
    }
    if (endOfInput) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "the input ended before 'end': the session is not stored"
              + " but kept unfinished; "
              + howToContinue);
    }
    console.println("  left the session unfinished: " + howToContinue);
    return true;
  }

  /** What the facilitator's line asks of the session as a whole. */
  private enum Next {
    /** Go on reading lines; nothing to keep. */
    CONTINUE,
    /** The line changed the session: keep it in the journal, then go on. */
    JOURNAL,
    /** End the session, check it and store it. */
    END,
    /** Leave the session unfinished. */
    QUIT
  }

  /** Runs one line, without its time. */
  private Next execute(String line) {
    Matcher said = CONTRIBUTION.matcher(line);
    String[] words = line.split("\\s+");
    String command = words[0].toLowerCase(Locale.ROOT);
    if (said.matches() && !COMMANDS.contains(said.group(1))) {
      String kind = said.group(2);
      if (kind == null) {
        recorder.contribute(said.group(1), said.group(3));
      } else {
        recorder.contribute(said.group(1), said.group(3), kindNamed(kind));
      }
      return Next.JOURNAL;
    }
    List<String> arguments = Arrays.asList(words).subList(1, words.length);
    switch (command) {
      case "help":
        say(HELP);
        break;
      case "who":
        who();
        break;
      case "present":
        forEachId(arguments, group.rosterIds().asList(), recorder::markPresent);
        say("  present: " + String.join(", ", recorder.presentIds()));
        break;
      case "absent":
        if (arguments.size() != 1) {
          throw new IllegalArgumentException("usage: absent ID");
        }
        forEachId(arguments, List.of(), recorder::markAbsent);
        say("  present: " + String.join(", ", recorder.presentIds()));
        break;
      case "record":
        recorder.recordFor(purposeNamed(arguments));
        say("  a transcript will be kept if everyone present consents");
        break;
      case "consent":
        List<String> consenting =
            arguments.equals(List.of("all")) ? recorder.presentIds() : arguments;
        forEachId(arguments, recorder.presentIds(), recorder::consent);
        say("  consent recorded for: " + String.join(", ", consenting));
        break;
      case "online":
        recorder.setMode(SessionMode.ONLINE);
        say("  noted: the group meets online");
        break;
      case "start":
        recorder.startSession();
        break;
      case "case":
        if (arguments.size() < 2) {
          throw new IllegalArgumentException("usage: case PRESENTER_ID TITLE");
        }
        recorder.presentCase(
            arguments.get(0), String.join(" ", arguments.subList(1, arguments.size())));
        break;
      case "phase":
        if (arguments.size() != 1) {
          throw new IllegalArgumentException("usage: phase " + phaseNames());
        }
        if (arguments.get(0).equals("next")) {
          enterNextPhase();
        } else {
          recorder.enterPhase(
              Phase.named(arguments.get(0))
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown phase \""
                                  + arguments.get(0)
                                  + "\"; expected "
                                  + phaseNames()
                                  + " or next")));
        }
        break;
      case "next":
        enterNextPhase();
        break;
      case "time":
        showTime(recorder.tick());
        break;
      case "end":
        return Next.END;
      case "quit":
        return Next.QUIT;
      default:
        throw new IllegalArgumentException(
            "unknown command \"" + words[0] + "\"; type 'help' (a contribution is 'id: text')");
    }
    return JOURNALED.contains(command) ? Next.JOURNAL : Next.CONTINUE;
  }

  private void enterNextPhase() {
    Phase current = recorder.currentPhase();
    if (current == Phase.CLOSING) {
      throw new IllegalStateException(
          "the closing is the last phase; type 'end' to end the session");
    }
    recorder.enterPhase(Phase.values()[current.ordinal() + 1]);
  }

  /** Stores what may be kept of the finished session, then drops the journal. */
  private int store(JdbcStore store, FinishedSession finished) throws IOException {
    KeptSession kept = finished.kept();
    kept.notices().forEach(console::println);
    Session session = kept.session();
    long version;
    try {
      version = store.sessions().replace(groupId, session, kept.violations(), Versioned.ABSENT);
    } catch (StorageException e) {
      throw new CliFailure(
          ExitCodes.STORAGE,
          "storage: "
              + e.getMessage()
              + "; the session is kept in the"
              + " journal: store it later with 'balint session --group "
              + groupId
              + " --resume' and 'end'");
    }
    journal.delete();
    List<Violation> violations = kept.violations();
    boolean errors = violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    console.println(
        String.format(
            "Stored session %s of group %s (%d present, %s; %s) - version %d.",
            session.id(),
            groupId,
            session.present().size(),
            count(session.contributions().size(), "contribution"),
            FacilitatorReport.summary(violations).replaceAll("\\.$", ""),
            version));
    return errors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  private String promptText() {
    if (recorder.state() != SessionRecorder.State.RUNNING) {
      return "balint> ";
    }
    Timing timing = recorder.timing();
    return String.format(
        "balint [%s %s%s]> ",
        timing.phase().shortName(),
        minutes(timing.phaseElapsed()),
        timing.phasePlan().map(plan -> "/" + minutes(plan.maximum())).orElse(""));
  }

  private void showTime(Timing timing) {
    say(
        String.format(
            "  session %s of %s (%s left); %s %s%s",
            minutes(timing.sessionElapsed()),
            minutes(timing.sessionPlanned()),
            minutes(timing.sessionRemaining()),
            timing.phase().shortName(),
            minutes(timing.phaseElapsed()),
            timing.phaseRemaining().map(left -> " (" + minutes(left) + " left)").orElse("")));
  }

  /** "12:03", or "-2:10" once overrun. */
  private static String minutes(Duration duration) {
    long seconds = Math.abs(duration.toSeconds());
    return String.format("%s%d:%02d", duration.isNegative() ? "-" : "", seconds / 60, seconds % 60);
  }

  private static String count(long n, String one) {
    return n + " " + one + (n == 1 ? "" : "s");
  }

  private void who() {
    List<String> present = recorder.presentIds();
    List<String> missing = recorder.missingConsent();
    boolean recording = recorder.recordingPurpose().isPresent();
    for (String id : group.rosterIds()) {
      say(
          String.format(
              "  %-10s %-28s %s",
              id,
              FacilitatorReport.personName(group, id).orElse(""),
              !present.contains(id)
                  ? "-"
                  : "present"
                      + (recording ? missing.contains(id) ? ", no consent" : ", consents" : "")));
    }
  }

  /**
   * Applies an action to each id of a line, or to all with 'all'; every id must be on the roster,
   * or nothing is done.
   */
  private void forEachId(List<String> arguments, List<String> all, Consumer<String> action) {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("name at least one id, or 'all'");
    }
    boolean everyone = arguments.equals(List.of("all"));
    if (everyone && all.isEmpty()) {
      throw new IllegalArgumentException("nobody is marked present yet");
    }
    List<String> ids = everyone ? all : arguments;
    List<String> unknown =
        ids.stream().filter(id -> !group.rosterIds().contains(id)).collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", unknown)
              + (unknown.size() == 1 ? " is" : " are")
              + " not on the roster of group "
              + groupId
              + "; nothing was noted (type 'who' for the roster)");
    }
    for (String id : ids) {
      action.accept(id);
    }
  }

  private List<String> completions() {
    List<String> words = new ArrayList<>(COMMANDS);
    group.rosterIds().forEach(id -> words.add(id + ":"));
    for (Phase phase : Phase.values()) {
      words.add(phase.shortName());
    }
    words.addAll(List.of("research", "supervision", "all"));
    return words;
  }

  private String freeSessionId(JdbcStore store, LocalDate date) {
    String id = date.toString();
    for (int n = 2; store.sessions().find(groupId, id).isPresent(); n++) {
      id = date + "-" + n;
    }
    return id;
  }

  /**
   * The start of a session typed up afterwards: an ISO-8601 instant with its offset, not in the
   * future.
   */
  private static OffsetDateTime parseStart(String text) {
    OffsetDateTime start;
    try {
      start = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "--start must be an instant with its offset, such as"
              + " 2026-11-27T18:00:00Z or 2026-11-27T18:00:00+01:00, but was \""
              + text
              + "\"");
    }
    if (start.toInstant().isAfter(Instant.now())) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "--start " + text + " is in the future; a live session takes its start from the clock");
    }
    return start;
  }

  private static String phaseNames() {
    return Arrays.stream(Phase.values())
        .filter(Phase::isAfterPresentation)
        .map(Phase::shortName)
        .collect(Collectors.joining("|"));
  }

  private static RecordingPurpose purposeNamed(List<String> arguments) {
    String name = arguments.size() == 1 ? arguments.get(0).toLowerCase(Locale.ROOT) : "";
    switch (name) {
      case "research":
        return RecordingPurpose.RESEARCH;
      case "supervision":
      case "leader_supervision":
        return RecordingPurpose.LEADER_SUPERVISION;
      default:
        throw new IllegalArgumentException("usage: record research|supervision");
    }
  }

  private static ContributionKind kindNamed(String name) {
    try {
      return ContributionKind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown kind \""
              + name
              + "\"; expected one of "
              + Arrays.toString(ContributionKind.values()));
    }
  }

  /** Prints a line for the facilitator, unless the journal is being replayed. */
  private void say(String line) {
    if (!replaying) {
      console.println(line);
    }
  }

  /** Prints what the recorder tells as it happens. */
  private final class Announcer implements SessionListener {

    @Override
    public void onPhaseEntered(int caseIndex, Phase phase) {
      say(
          caseIndex < 0 || phase == Phase.OPENING
              ? "  -- " + phase.words() + " --"
              : "  -- case " + (caseIndex + 1) + ": " + phase.words() + " --");
    }

    @Override
    public void onViolation(Violation violation) {
      say("  ! " + violation.severity() + " " + violation.ruleId() + ": " + violation.message());
    }

    @Override
    public void onPrompt(Prompt prompt) {
      say("  > " + prompt.text());
    }

    @Override
    public void onNotice(String notice) {
      say("  * " + notice);
    }

    @Override
    public void onTimingWarning(TimingWarning warning) {
      say("  ~ " + warning.message());
    }
  }
}
