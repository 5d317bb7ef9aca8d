package org.balint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balint.group.Group;
import org.balint.jdbc.JdbcStore;
import org.balint.live.FinishedSession;
import org.balint.live.Prompt;
import org.balint.live.SessionListener;
import org.balint.live.SessionRecorder;
import org.balint.live.Timing;
import org.balint.live.TimingWarning;
import org.balint.method.Protocol;
import org.balint.method.Severity;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.privacy.RecordingConsent;
import org.balint.privacy.Redactor;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.balint.store.Versioned;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint session --group ID [--db JDBC_URL]}: a facilitator's or note-taker's live session.
 *
 * <p>Reads one command a line (from a person at a terminal, with completion of commands and
 * speaker ids, or piped in): mark who is present and who consents, start, present a case, move
 * between phases, enter contributions as {@code id: text}, see the timer, prompts and live
 * warnings, and end the session to store it with the group. Type {@code help} for the commands.
 */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description =
        "Run a Balint session live: attendance, consent, phases, contributions as 'id: text',"
            + " timer, prompts and warnings as they happen; 'end' stores it. Type 'help' inside.")
final class SessionCommand implements Callable<Integer> {
  private static final Pattern CONTRIBUTION =
      Pattern.compile("^([A-Za-z0-9._-]{1,64})(?:\\s*\\[([A-Za-z_]+)\\])?\\s*:\\s*(.+)$");
  private static final List<String> COMMANDS =
      List.of("help", "who", "present", "consent", "record", "online", "start", "case",
          "phase", "next", "time", "end", "quit");
  private static final String HELP =
      String.join(
          System.lineSeparator(),
          "  present ID...|all     mark people present (it cannot be taken back)",
          "  record research|supervision                     keep a transcript, for this purpose",
          "  consent ID...|all     record consent to the transcript (of those present)",
          "  online                the group meets online      who            roster and presence",
          "  start                 start the session (the opening)",
          "  case ID TITLE         ID presents a case called TITLE (enters the presentation)",
          "  phase NAME | next     questions, discussion, returns, closing",
          "  ID: TEXT              ID says TEXT (ID [KIND]: TEXT to code its kind)",
          "  time                  elapsed and remaining time",
          "  end                   end the session, check it and store it",
          "  quit                  leave without storing");

  @Spec private CommandSpec spec;

  @Option(names = "--group", required = true, paramLabel = "ID", description = "The group meeting (stored already: see 'balint import').")
  private String groupId;

  @Option(names = "--session", paramLabel = "ID", description = "The new session's id (default: today's date, UTC).")
  private @Nullable String sessionId;

  @Mixin private StoreOption storeOption;

  @Mixin private ProtocolOption protocolOption;

  @Option(names = "--plain", description = "Read plain lines even at a terminal (no line editor or completion).")
  private boolean plain;

  private @Nullable SessionRecorder recorder;
  private boolean online;

  @Override
  public Integer call() throws IOException {
    Protocol protocol = protocolOption.resolve();
    try (JdbcStore store = storeOption.open()) {
      Versioned<GroupRecord> stored =
          store.groups().findRecord(groupId).orElseThrow(() -> new CliFailure(ExitCodes.BAD_INPUT,
              "no group \"" + groupId + "\" in " + storeOption.describe() + "; store it first with 'balint import FILE'"));
      GroupRecord record = stored.value();
      String id = sessionId == null ? freeSessionId(record) : sessionId;
      if (record.session(id).isPresent()) {
        throw new CliFailure(ExitCodes.BAD_INPUT, "group " + groupId + " already has a session \"" + id + "\"; choose another with --session");
      }
      Group group = record.group();
      boolean atTerminal = !plain && System.console() != null;
      try (SessionConsole console = SessionConsole.open(BalintCommand.root(spec).stdin(),
          spec.commandLine().getOut(), atTerminal, () -> completions(group))) {
        PrintWriter out = console.out();
        out.printf("Session %s of %s (%s). Type 'help' for the commands.%n", id, group.name(), group.id());
        recorder = SessionRecorder.builder(group, id).protocol(protocol).clock(Clock.systemUTC()).build();
        recorder.addListener(new Announcer(out));
        Optional<FinishedSession> finished = loop(console, group);
        if (finished.isEmpty()) {
          return ExitCodes.OK;
        }
        return storeSession(store, stored, finished.get(), protocol, out);
      }
    }
  }

  private Optional<FinishedSession> loop(SessionConsole console, Group group) throws IOException {
    PrintWriter out = console.out();
    while (true) {
      String line = console.readLine(promptText());
      if (line == null) {
        if (recorder.state() == SessionRecorder.State.RUNNING) {
          throw new CliFailure(ExitCodes.BAD_INPUT, "the input ended before 'end': the session was not stored");
        }
        return Optional.empty();
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        switch (execute(line, group, out)) {
          case END:
            return Optional.of(recorder.finish());
          case QUIT:
            return Optional.empty();
          default:
            break;
        }
      } catch (IllegalStateException | IllegalArgumentException e) {
        out.println("  refused: " + e.getMessage());
      }
      out.flush();
    }
  }

  /** What the facilitator's line asks of the session as a whole. */
  private enum Next {
    /** Go on reading lines. */
    CONTINUE,
    /** End the session, check it and store it. */
    END,
    /** Leave without storing anything. */
    QUIT
  }

  /** Runs one line. */
  private Next execute(String line, Group group, PrintWriter out) {
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
      return Next.CONTINUE;
    }
    List<String> arguments = Arrays.asList(words).subList(1, words.length);
    switch (command) {
      case "help":
        out.println(HELP);
        break;
      case "who":
        who(group, out);
        break;
      case "present":
        forEachId(arguments, group.rosterIds(), recorder::markPresent);
        out.println("  present: " + String.join(", ", recorder.presentIds()));
        break;
      case "record":
        recorder.recordFor(purposeNamed(arguments));
        out.println("  a transcript will be kept if everyone present consents");
        break;
      case "consent":
        forEachId(arguments, recorder.presentIds(), recorder::consent);
        out.println("  consent recorded for: " + String.join(", ", arguments.equals(List.of("all")) ? recorder.presentIds() : arguments));
        break;
      case "online":
        online = true;
        out.println("  noted: the group meets online");
        break;
      case "start":
        recorder.startSession();
        break;
      case "case":
        if (arguments.size() < 2) {
          throw new IllegalArgumentException("usage: case PRESENTER_ID TITLE");
        }
        recorder.presentCase(arguments.get(0), String.join(" ", arguments.subList(1, arguments.size())));
        break;
      case "phase":
        if (arguments.size() != 1) {
          throw new IllegalArgumentException("usage: phase questions|discussion|returns|closing");
        }
        recorder.enterPhase(phaseNamed(arguments.get(0)));
        break;
      case "next":
        Phase current = recorder.currentPhase();
        if (current == Phase.CLOSING) {
          throw new IllegalStateException("the closing is the last phase; type 'end' to end the session");
        }
        recorder.enterPhase(Phase.values()[current.ordinal() + 1]);
        break;
      case "time":
        showTime(recorder.tick(), out);
        break;
      case "end":
        return Next.END;
      case "quit":
        out.println("  left without storing anything");
        return Next.QUIT;
      default:
        throw new IllegalArgumentException("unknown command \"" + words[0] + "\"; type 'help' (a contribution is 'id: text')");
    }
    return Next.CONTINUE;
  }

  private int storeSession(JdbcStore store, Versioned<GroupRecord> stored, FinishedSession finished,
      Protocol protocol, PrintWriter out) {
    Session session = finished.session();
    if (online) {
      session = session.withMode(SessionMode.ONLINE);
    }
    if (!session.contributions().isEmpty() && !RecordingConsent.mayKeepContributions(session)) {
      List<String> missing = RecordingConsent.missingConsent(session);
      out.println(session.recording().isEmpty()
          ? "No transcript was asked for: attendance and the case titles are stored, the contributions are not."
          : "Not everyone present consented (missing: " + String.join(", ", missing)
              + "): attendance and the case titles are stored, the contributions are not.");
      session = session.withContributions().withRecording(Optional.empty());
    }
    Session redacted = Redactor.standard().redact(session);
    if (!redacted.equals(session)) {
      out.println("Patient identifiers were found in what was said or in a case title; they are stored redacted.");
      session = redacted;
    }
    GroupRecord record = GroupRecord.builder().from(stored.value()).addSessions(session).build();
    ValidationReport report = protocol.validate(record);
    long version = store.groups().replace(record, report.violations(), stored.version());
    List<Violation> violations = report.violationsOf(session.id());
    boolean errors = violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    out.printf("Stored session %s of group %s (%d present, %d contribution%s; %s) - version %d.%n",
        session.id(), record.group().id(), session.present().size(), session.contributions().size(),
        session.contributions().size() == 1 ? "" : "s",
        FacilitatorReport.summary(violations).replaceAll("\\.$", ""), version);
    out.flush();
    return errors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  private String promptText() {
    if (recorder.state() != SessionRecorder.State.RUNNING) {
      return "balint> ";
    }
    Timing timing = recorder.timing();
    return String.format("balint [%s %s%s]> ", timing.phase(), minutes(timing.phaseElapsed()),
        timing.phasePlan().map(plan -> "/" + minutes(plan.maximum())).orElse(""));
  }

  private static void showTime(Timing timing, PrintWriter out) {
    out.printf("  session %s of %s (%s left); %s %s%s%n", minutes(timing.sessionElapsed()),
        minutes(timing.sessionPlanned()), minutes(timing.sessionRemaining()), timing.phase(),
        minutes(timing.phaseElapsed()),
        timing.phaseRemaining().map(left -> " (" + minutes(left) + " left)").orElse(""));
  }

  private static String minutes(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  private void who(Group group, PrintWriter out) {
    List<String> present = recorder.presentIds();
    for (String id : group.rosterIds()) {
      out.printf("  %-10s %-28s %s%n", id, FacilitatorReport.personName(group, id).orElse(""),
          present.contains(id) ? "present" : "-");
    }
  }

  private static void forEachId(List<String> arguments, Collection<String> all, Consumer<String> action) {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("name at least one id, or 'all'");
    }
    Collection<String> ids = arguments.equals(List.of("all")) ? all : arguments;
    for (String id : ids) {
      action.accept(id);
    }
  }

  private static List<String> completions(Group group) {
    List<String> words = new ArrayList<>(COMMANDS);
    group.rosterIds().forEach(id -> words.add(id + ":"));
    words.addAll(List.of("questions", "discussion", "returns", "closing", "research", "supervision", "all"));
    return words;
  }

  private static String freeSessionId(GroupRecord record) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String id = today;
    for (int n = 2; record.session(id).isPresent(); n++) {
      id = today + "-" + n;
    }
    return id;
  }

  private static Phase phaseNamed(String name) {
    Map<String, Phase> names = Map.of("opening", Phase.OPENING, "presentation", Phase.PRESENTATION,
        "questions", Phase.QUESTIONS, "discussion", Phase.DISCUSSION, "returns", Phase.PRESENTER_RETURNS,
        "presenter_returns", Phase.PRESENTER_RETURNS, "closing", Phase.CLOSING);
    Phase phase = names.get(name.toLowerCase(Locale.ROOT));
    if (phase == null) {
      throw new IllegalArgumentException("unknown phase \"" + name + "\"; expected questions, discussion, returns or closing");
    }
    return phase;
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
      throw new IllegalArgumentException("unknown kind \"" + name + "\"; expected one of " + Arrays.toString(ContributionKind.values()));
    }
  }

  /** Prints what the recorder tells as it happens. */
  private static final class Announcer implements SessionListener {
    private final PrintWriter out;

    Announcer(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void onPhaseEntered(int caseIndex, Phase phase) {
      if (caseIndex < 0 || phase == Phase.OPENING) {
        out.printf("  -- %s --%n", phase);
      } else {
        out.printf("  -- case %d: %s --%n", caseIndex + 1, phase);
      }
    }

    @Override
    public void onViolation(Violation violation) {
      out.printf("  ! %s %s: %s%n", violation.severity(), violation.ruleId(), violation.message());
    }

    @Override
    public void onPrompt(Prompt prompt) {
      out.printf("  > %s%n", prompt.text());
    }

    @Override
    public void onTimingWarning(TimingWarning warning) {
      out.printf("  ~ %s%n", warning.message());
    }
  }
}
