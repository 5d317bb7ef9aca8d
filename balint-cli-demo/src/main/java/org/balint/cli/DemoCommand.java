package org.balint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.balint.analysis.Fidelity;
import org.balint.analysis.KindMix;
import org.balint.analysis.Participation;
import org.balint.group.Group;
import org.balint.jdbc.DefaultDatabase;
import org.balint.jdbc.JdbcStore;
import org.balint.json.BalintJson;
import org.balint.language.ContributionClassifiers;
import org.balint.language.SessionKinds;
import org.balint.live.FinishedSession;
import org.balint.live.Prompt;
import org.balint.live.SessionListener;
import org.balint.live.SessionRecorder;
import org.balint.live.TimingWarning;
import org.balint.method.PhasePlan;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint demo}: the end-to-end tour on an embedded database of its own.
 *
 * <p>Takes the example group shipped inside the program (nine members, two leaders, three past
 * sessions), records a scripted session live through every phase on a simulated clock (the
 * off-method remarks are caught as they are made), validates the group's record, stores it, reads
 * it back, and prints a report: attendance, phase timings against plan, the mix of contribution
 * kinds, the violations and a fidelity summary. Running it again replaces what it stored.
 *
 * <p>The demo stores into a database of its own ({@link #DEMO_FOLDER} in the user's data directory,
 * or {@code --db}), never the user's default database: a group the user stored under the example's
 * id is left as it was.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "The end-to-end tour: record a Balint session live, check it, store it, read it back and"
            + " print the facilitator's report. Uses an embedded database of its own"
            + " ($XDG_DATA_HOME/balint-demo or ~/.local/share/balint-demo), never your stored"
            + " groups'.")
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "/org/balint/cli/examples/riverside.json";
  private static final Instant START = Instant.parse("2026-11-27T18:00:00Z");
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

  @Spec private CommandSpec spec;

  /** The folder of the demo's own database, in the user's data directory. */
  static final String DEMO_FOLDER = "balint-demo";

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The demo's database (default: its own, in the data directory's " + DEMO_FOLDER + ").")
  private @Nullable String url;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    GroupRecord example = readExample();
    Group group = example.group();
    Protocol protocol = Protocols.standard();

    out.printf(
        "Balint demo: %s (%s), %d members and %d leaders.%n",
        group.name(), group.id(), group.members().size(), group.leaders().size());
    out.println(
        "Recording a session live on a simulated clock; off-method moments are caught as they happen.");
    out.println();

    SimulatedClock clock = new SimulatedClock(START);
    LiveConsole console = new LiveConsole(out, clock, group);
    SessionRecorder recorder =
        SessionRecorder.builder(group, DemoScript.SESSION_ID)
            .protocol(protocol)
            .clock(clock)
            .build();
    recorder.addListener(console);
    FinishedSession finished = record(recorder, clock, group, console);

    GroupRecord record =
        GroupRecord.builder().from(example).addSessions(finished.session()).build();
    ValidationReport report = protocol.validate(record);
    Session session = finished.session();

    out.println();
    out.println("Report on session " + session.id());
    writeAttendance(out, group, session);
    writeTimings(out, protocol, console.phaseTimes(), clock.instant());
    SessionKinds kinds =
        SessionKinds.of(group, session, ContributionClassifiers.defaultClassifier());
    writeKindMix(out, KindMix.of(kinds));
    List<Violation> violations = report.violationsOf(session.id());
    FacilitatorReport facilitatorReport = new FacilitatorReport(out, protocol);
    out.println();
    out.printf("Violations (%s)%n", FacilitatorReport.summary(violations));
    facilitatorReport.writeSession(group, session, violations);
    writeFidelity(out, Fidelity.of(kinds, report), Participation.of(group, session), group);

    out.println();
    DefaultDatabase demoDatabase =
        DefaultDatabase.inFolder(
            DefaultDatabase.dataHome(System.getenv(), System.getProperty("user.home"))
                .resolve(DEMO_FOLDER));
    String where = url == null ? demoDatabase.url() : url;
    try (JdbcStore store = url == null ? JdbcStore.open(demoDatabase, true) : JdbcStore.open(url)) {
      long version = store.groups().store(record, report.violations());
      GroupRecord readBack =
          store
              .groups()
              .findRecord(group.id())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the stored group " + group.id() + " was not found again"))
              .value();
      out.printf(
          "Stored in %s: group %s with %d sessions (version %d).%n",
          store.location(), group.id(), record.sessions().size(), version);
      if (!readBack.equals(record)) {
        throw new CliFailure(ExitCodes.STORAGE, "the stored record did not read back the same");
      }
      out.println("Read back from the store: identical to what was recorded.");
    }
    out.println(
        "HTML report (open it in a browser): "
            + ReportCommand.writeDemoReport(
                record, protocol, url == null ? demoDatabase.folder() : Optional.empty()));
    out.println();
    out.println(
        "Next: ./balint validate examples/riverside.json   ./balint export "
            + group.id()
            + " --db "
            + JdbcStore.redacted(where));
    out.flush();
    return ExitCodes.OK;
  }

  private static FinishedSession record(
      SessionRecorder recorder, SimulatedClock clock, Group group, LiveConsole console) {
    recorder.recordFor(RecordingPurpose.RESEARCH);
    for (String id : group.rosterIds()) {
      if (!DemoScript.ABSENT.contains(id)) {
        recorder.markPresent(id);
        recorder.consent(id);
      }
    }
    console.line(
        "present: "
            + (group.rosterIds().size() - DemoScript.ABSENT.size())
            + " of "
            + group.rosterIds().size()
            + ", all consenting to a research recording");
    recorder.startSession();
    for (DemoScript.Step step : DemoScript.STEPS) {
      clock.advance(step.after);
      recorder.tick();
      switch (step.action) {
        case PRESENT_CASE:
          console.line(
              FacilitatorReport.speakerName(group, step.who) + " presents \"" + step.text + "\"");
          recorder.presentCase(step.who, step.text);
          break;
        case PHASE:
          recorder.enterPhase(Objects.requireNonNull(step.phase, "a phase step names its phase"));
          break;
        case SPEAK:
          console.speech(step.who, step.text);
          recorder.contribute(step.who, step.text);
          break;
        default:
          throw new AssertionError(step.action);
      }
    }
    clock.advance(DemoScript.CLOSING_TAIL);
    FinishedSession finished = recorder.finish();
    console.line("session ended");
    return finished;
  }

  private static void writeAttendance(PrintWriter out, Group group, Session session) {
    out.println();
    out.printf(
        "Attendance: %d of %d on the roster present",
        session.present().size(), group.rosterIds().size());
    List<String> absent = new ArrayList<>();
    for (String id : group.rosterIds()) {
      if (!session.present().contains(id)) {
        absent.add(FacilitatorReport.speakerName(group, id));
      }
    }
    out.println(absent.isEmpty() ? "." : "; absent: " + String.join(", ", absent) + ".");
    session
        .recording()
        .ifPresent(
            recording ->
                out.printf(
                    "Recording: for %s, consent from %d of %d present.%n",
                    recording.purpose().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    recording.consent().stream().filter(session.present()::contains).count(),
                    session.present().size()));
  }

  private static void writeTimings(
      PrintWriter out, Protocol protocol, Map<Phase, Instant> entered, Instant end) {
    out.println();
    out.println("Phase timings against plan (minutes)");
    out.printf("  %-18s %6s  %s%n", "phase", "took", "planned");
    List<Phase> phases = new ArrayList<>(entered.keySet());
    Duration total = Duration.ZERO;
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      Instant until = i + 1 < phases.size() ? entered.get(phases.get(i + 1)) : end;
      Duration took = Duration.between(entered.get(phase), until);
      total = total.plus(took);
      PhasePlan plan = protocol.parameters().phasePlans().get(phase);
      String planned = plan == null ? "-" : range(plan);
      String mark = plan != null && took.compareTo(plan.maximum()) > 0 ? "  overran" : "";
      out.printf("  %-18s %6d  %s%s%n", phase, took.toMinutes(), planned, mark);
    }
    out.printf(
        "  %-18s %6d  %d +/- %d%n",
        "session",
        total.toMinutes(),
        protocol.parameters().nominalSessionLength().toMinutes(),
        protocol.parameters().sessionLengthTolerance().toMinutes());
  }

  private static String range(PhasePlan plan) {
    long min = plan.minimum().toMinutes();
    long max = plan.maximum().toMinutes();
    return min == max ? String.valueOf(max) : min + "-" + max;
  }

  private static void writeKindMix(PrintWriter out, KindMix mix) {
    out.println();
    out.printf(
        "Contribution kinds after the presentation (%d contributions; coded, or by the classifier)%n",
        mix.total());
    for (ContributionKind kind : ContributionKind.values()) {
      int count = mix.count(kind);
      out.printf(
          "  %-13s %3d  %3.0f%%  %s%n", kind, count, 100 * mix.share(kind), "#".repeat(count));
    }
  }

  private static void writeFidelity(
      PrintWriter out, Fidelity fidelity, Participation participation, Group group) {
    out.println();
    out.println("Fidelity to the method");
    out.printf(
        "  index %.2f: %d of %d contributions after the presentation were off the method%n",
        fidelity.index(), fidelity.offMethod(), fidelity.afterPresentation());
    out.printf(
        "  presenter's silence %s; %d error%s, %d warning%s%n",
        fidelity.presenterSilenceKept() ? "kept" : "broken",
        fidelity.errors(),
        fidelity.errors() == 1 ? "" : "s",
        fidelity.warnings(),
        fidelity.warnings() == 1 ? "" : "s");
    List<String> silent = new ArrayList<>();
    participation
        .silentMembers()
        .forEach(id -> silent.add(FacilitatorReport.speakerName(group, id)));
    out.printf(
        "  participation: Gini of members' turns %.2f; silent: %s%n",
        participation.turnGini(), silent.isEmpty() ? "nobody" : String.join(", ", silent));
  }

  static GroupRecord readExample() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the example " + EXAMPLE + " is missing from the program");
      }
      return BalintJson.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the live session as it happens: speech, phase changes, breaches, prompts, overruns. */
  static final class LiveConsole implements SessionListener {
    private final PrintWriter out;
    private final SimulatedClock clock;
    private final Group group;
    private final Map<Phase, Instant> phaseTimes = new EnumMap<>(Phase.class);

    LiveConsole(PrintWriter out, SimulatedClock clock, Group group) {
      this.out = out;
      this.clock = clock;
      this.group = group;
    }

    Map<Phase, Instant> phaseTimes() {
      return phaseTimes;
    }

    void line(String text) {
      out.printf("  %s  %s%n", CLOCK.format(clock.instant()), text);
    }

    void speech(String speaker, String text) {
      line(FacilitatorReport.speakerName(group, speaker) + ": " + text);
    }

    @Override
    public void onPhaseEntered(int caseIndex, Phase phase) {
      phaseTimes.put(phase, clock.instant());
      line("-- " + phase + " --");
    }

    @Override
    public void onViolation(Violation violation) {
      out.printf(
          "           ! %s %s: %s%n",
          violation.severity(), violation.ruleId(), violation.message());
    }

    @Override
    public void onPrompt(Prompt prompt) {
      out.printf("           > prompt: %s%n", prompt.text());
    }

    @Override
    public void onTimingWarning(TimingWarning warning) {
      out.printf("           ~ %s%n", warning.message());
    }
  }
}
