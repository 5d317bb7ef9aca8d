package org.balint.report;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.balint.analysis.Fidelity;
import org.balint.analysis.KindMix;
import org.balint.analysis.Participation;
import org.balint.analysis.PhaseTimings;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.language.ContributionClassifier;
import org.balint.language.SessionKinds;
import org.balint.method.PhasePlan;
import org.balint.method.Protocol;
import org.balint.method.ProtocolParameters;
import org.balint.method.Rule;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.jspecify.annotations.Nullable;

/** Turns documents into what the template shows, with the metrics of core's analysis package. */
final class ReportModel {
  private static final int QUOTE_LIMIT = 400;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

  private final Protocol protocol;
  private final ContributionClassifier classifier;

  ReportModel(Protocol protocol, ContributionClassifier classifier) {
    this.protocol = protocol;
    this.classifier = classifier;
  }

  /** The page for some documents, with each document's validation report. */
  Page page(List<GroupRecord> records, List<ValidationReport> reports, String css) {
    ImmutableList.Builder<Page.KindSwatch> kinds = ImmutableList.builder();
    for (ContributionKind kind : Palette.KIND_ORDER) {
      kinds.add(
          new Page.KindSwatch(
              kind.name(),
              meaning(kind),
              Palette.css(Palette.coded(kind)),
              Palette.css(Palette.classified(kind)),
              Palette.KIND_ORDER.indexOf(kind) >= 4));
    }
    ImmutableList.Builder<Page.GroupSection> groups = ImmutableList.builder();
    for (int i = 0; i < records.size(); i++) {
      groups.add(group(records.get(i), reports.get(i), "g" + (i + 1)));
    }
    String title =
        records.size() == 1
            ? "Balint report: " + records.get(0).group().name()
            : "Balint report: " + records.size() + " groups";
    return new Page(title, css, kinds.build(), groups.build());
  }

  /** One session with the metrics the report draws from. */
  private record Measured(Session session, SessionKinds kinds, Fidelity fidelity) {}

  private Page.GroupSection group(GroupRecord record, ValidationReport report, String anchor) {
    Group group = record.group();
    List<Session> sessions = new ArrayList<>(record.sessions());
    sessions.sort(Comparator.comparing(Session::start));
    List<Measured> measured = new ArrayList<>();
    for (Session session : sessions) {
      SessionKinds kinds = SessionKinds.of(group, session, classifier);
      measured.add(new Measured(session, kinds, Fidelity.of(kinds, report)));
    }
    List<Measured> compared =
        measured.stream().filter(m -> m.fidelity().afterPresentation() > 0).toList();
    @Nullable Measured driftedMost = null;
    if (compared.size() > 1) {
      Measured lowest =
          compared.stream()
              .min(Comparator.comparingDouble(m -> m.fidelity().index()))
              .orElseThrow();
      driftedMost = lowest.fidelity().index() < 1 ? lowest : null;
    }

    ImmutableList.Builder<Page.SessionSection> sections = ImmutableList.builder();
    for (int i = 0; i < measured.size(); i++) {
      Measured m = measured.get(i);
      sections.add(session(group, m, report, anchor + "-s" + (i + 1), m == driftedMost));
    }

    String summary =
        count(group.leaders().size(), "leader")
            + ", "
            + count(group.members().size(), "member")
            + " · "
            + count(sessions.size(), "session")
            + " · checked against the "
            + protocol.name()
            + " protocol";
    return new Page.GroupSection(
        anchor,
        group.name(),
        group.id(),
        summary,
        violations(group, null, report.groupViolations()),
        compared.size() > 1 ? trend(compared, anchor) : null,
        compared.size() > 1
            ? ""
            : "A trend needs at least two sessions with a record of what was said after the"
                + " presentation; there "
                + (compared.isEmpty() ? "is none." : "is one."),
        ImmutableList.copyOf(sessions.stream().map(Session::id).toList()),
        attendance(group, sessions),
        presenters(group, sessions),
        sections.build());
  }

  private static Chart trend(List<Measured> compared, String anchor) {
    List<Charts.SessionPoint> points = new ArrayList<>();
    for (Measured m : compared) {
      KindMix mix = KindMix.of(m.kinds());
      int[] counts = new int[ContributionKind.values().length];
      for (ContributionKind kind : ContributionKind.values()) {
        counts[kind.ordinal()] = mix.count(kind);
      }
      points.add(new Charts.SessionPoint(m.session().id(), counts, m.fidelity().index()));
    }
    return Charts.overTime(anchor + "-trend", points);
  }

  private static ImmutableList<Page.AttendanceRow> attendance(Group group, List<Session> sessions) {
    ImmutableList.Builder<Page.AttendanceRow> attendance = ImmutableList.builder();
    for (String person : group.rosterIds()) {
      ImmutableList.Builder<Page.AttendanceCell> cells = ImmutableList.builder();
      int attended = 0;
      for (Session session : sessions) {
        boolean presented = session.cases().stream().anyMatch(c -> c.presenter().equals(person));
        if (session.present().contains(person)) {
          attended++;
          cells.add(
              presented
                  ? new Page.AttendanceCell("P", "presented", "present, presented the case")
                  : new Page.AttendanceCell("●", "present", "present"));
        } else {
          cells.add(new Page.AttendanceCell("–", "absent", "absent"));
        }
      }
      Optional<LocalDate> left =
          group
              .member(person)
              .flatMap(Member::left)
              .or(() -> group.leader(person).flatMap(Leader::left));
      String role =
          (group.isLeader(person) ? "leader" : "member")
              + left.map(day -> ", left " + day).orElse("");
      attendance.add(new Page.AttendanceRow(name(group, person), role, cells.build(), attended));
    }
    return attendance.build();
  }

  private static ImmutableList<Page.PresenterRow> presenters(Group group, List<Session> sessions) {
    ImmutableList.Builder<Page.PresenterRow> presenters = ImmutableList.builder();
    for (Session session : sessions) {
      for (Case presented : session.cases()) {
        presenters.add(
            new Page.PresenterRow(
                session.id(), name(group, presented.presenter()), presented.title()));
      }
    }
    return presenters.build();
  }

  private Page.SessionSection session(
      Group group, Measured measured, ValidationReport report, String anchor, boolean driftedMost) {
    Session session = measured.session();
    Fidelity fidelity = measured.fidelity();
    boolean recorded = !session.contributions().isEmpty();
    StringBuilder when = new StringBuilder(DAY.format(session.start()));
    session.end().ifPresent(end -> when.append("–").append(TIME.format(end)));
    when.append(" UTC");
    ImmutableList.Builder<String> cases = ImmutableList.builder();
    for (Case presented : session.cases()) {
      cases.add("“" + presented.title() + "”, presented by " + name(group, presented.presenter()));
    }
    List<Violation> violations = new ArrayList<>(report.violationsOf(session.id()));
    violations.sort(Comparator.comparingInt(v -> v.contributionIndex().orElse(-1)));
    double index = fidelity.index();
    boolean measuredFidelity = fidelity.afterPresentation() > 0;
    return new Page.SessionSection(
        anchor,
        session.id(),
        when.toString(),
        cases.build(),
        session.present().size(),
        measuredFidelity ? String.format(Locale.ROOT, "%.2f", index) : "–",
        measuredFidelity ? (int) Math.round(100 * index) : 0,
        !measuredFidelity ? "none" : index >= 0.85 ? "good" : index >= 0.65 ? "fair" : "poor",
        fidelity.offMethod()
            + " of "
            + fidelity.afterPresentation()
            + " contributions after the presentation off the method; the presenter's silence "
            + (fidelity.presenterSilenceKept() ? "kept" : "broken"),
        verdict(fidelity),
        driftedMost,
        recorded,
        recorded ? timeline(session, anchor) : null,
        timingNote(session),
        recorded ? participation(group, session, anchor) : null,
        silent(group, session),
        fidelity.afterPresentation() > 0 ? kinds(measured, anchor) : null,
        violations(group, session, violations));
  }

  private @Nullable Chart timeline(Session session, String anchor) {
    PhaseTimings timings = PhaseTimings.of(session);
    ProtocolParameters parameters = protocol.parameters();
    List<Charts.PhaseBar> bars = new ArrayList<>();
    for (Phase phase : timings.phases()) {
      Optional<Duration> took = timings.took(phase);
      if (took.isEmpty()) {
        continue;
      }
      @Nullable PhasePlan plan = parameters.phasePlans().get(phase);
      int cases = timings.cases(phase);
      bars.add(
          new Charts.PhaseBar(
              phaseLabel(phase),
              took.get().toSeconds() / 60.0,
              plan == null ? Double.NaN : cases * plan.minimum().toSeconds() / 60.0,
              plan == null ? Double.NaN : cases * plan.maximum().toSeconds() / 60.0));
    }
    return bars.isEmpty() ? null : Charts.timeline(anchor + "-timeline", bars);
  }

  private String timingNote(Session session) {
    ProtocolParameters parameters = protocol.parameters();
    String planned =
        "planned "
            + parameters.nominalSessionLength().toMinutes()
            + " ± "
            + parameters.sessionLengthTolerance().toMinutes()
            + " min";
    return session
        .duration()
        .map(duration -> "The session ran " + duration.toMinutes() + " min (" + planned + ").")
        .orElse("The session's end is not recorded (" + planned + ").");
  }

  private static Chart participation(Group group, Session session, String anchor) {
    Participation participation = Participation.of(group, session);
    List<Charts.Speaker> speakers = new ArrayList<>();
    Map<String, Long> sameName =
        participation.turns().keySet().stream()
            .collect(Collectors.groupingBy(id -> name(group, id), Collectors.counting()));
    for (Map.Entry<String, Integer> turns : participation.turns().entrySet()) {
      String id = turns.getKey();
      // A chart's rows are keyed by their label: two people of one name are told apart by id.
      String name =
          sameName.getOrDefault(name(group, id), 0L) > 1
              ? name(group, id) + " (" + id + ")"
              : name(group, id);
      Charts.Role role =
          session.cases().stream().anyMatch(c -> c.presenter().equals(id))
              ? Charts.Role.PRESENTER
              : group.isLeader(id) ? Charts.Role.LEADER : Charts.Role.MEMBER;
      speakers.add(
          new Charts.Speaker(
              name, role, turns.getValue(), participation.words().getOrDefault(id, 0)));
    }
    speakers.sort(Comparator.comparingInt(Charts.Speaker::words).reversed());
    return Charts.participation(anchor + "-participation", speakers);
  }

  private static String silent(Group group, Session session) {
    if (session.contributions().isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    Participation.of(group, session).silentMembers().forEach(id -> names.add(name(group, id)));
    return String.join(", ", names);
  }

  private static Chart kinds(Measured measured, String anchor) {
    Session session = measured.session();
    KindMix mix = KindMix.of(measured.kinds());
    int kindCount = ContributionKind.values().length;
    Set<Phase> phases = EnumSet.noneOf(Phase.class);
    for (Contribution contribution : session.contributions()) {
      if (contribution.phase().isAfterPresentation()) {
        phases.add(contribution.phase());
      }
    }
    List<Charts.PhaseKinds> bars = new ArrayList<>();
    for (Phase phase : phases) {
      int[] codedHere = new int[kindCount];
      int[] classifiedHere = new int[kindCount];
      for (Contribution contribution : session.contributions()) {
        if (contribution.phase() == phase && contribution.kind().isPresent()) {
          codedHere[contribution.kind().get().ordinal()]++;
        }
      }
      for (ContributionKind kind : ContributionKind.values()) {
        classifiedHere[kind.ordinal()] = mix.count(phase, kind) - codedHere[kind.ordinal()];
      }
      bars.add(new Charts.PhaseKinds(phaseLabel(phase), codedHere, classifiedHere));
    }
    return Charts.kindsByPhase(anchor + "-kinds", bars);
  }

  private ImmutableList<Page.ViolationRow> violations(
      Group group, @Nullable Session session, List<Violation> violations) {
    ImmutableList.Builder<Page.ViolationRow> rows = ImmutableList.builder();
    Set<String> guided = new HashSet<>();
    for (Violation violation : violations) {
      String when = session == null ? "group" : "session";
      String phase = "";
      String speaker = "";
      String words = "";
      if (session != null && violation.contributionIndex().isPresent()) {
        int index = violation.contributionIndex().getAsInt();
        Contribution contribution = session.contributions().get(index);
        when = contribution.at().map(TIME::format).orElse("#" + (index + 1));
        phase = phaseLabel(contribution.phase());
        speaker = name(group, contribution.speaker());
        words = quote(contribution.text());
      }
      rows.add(
          new Page.ViolationRow(
              when,
              phase,
              speaker,
              words,
              violation.severity().name(),
              violation.severity().name().toLowerCase(Locale.ROOT),
              violation.ruleId(),
              violation.message(),
              guided.add(violation.ruleId())
                  ? protocol.rule(violation.ruleId()).map(Rule::guidance).orElse("")
                  : ""));
    }
    return rows.build();
  }

  private static String verdict(Fidelity fidelity) {
    if (fidelity.errors() == 0 && fidelity.warnings() == 0) {
      return "no breaches of the method";
    }
    return count(fidelity.errors(), "error") + ", " + count(fidelity.warnings(), "warning");
  }

  /** A person as the report names them: their name, or their id when not on the roster. */
  static String name(Group group, String id) {
    return group
        .leader(id)
        .map(leader -> leader.name())
        .or(() -> group.member(id).map(member -> member.name()))
        .orElse(id + " (not on the roster)");
  }

  static String phaseLabel(Phase phase) {
    String words = phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String meaning(ContributionKind kind) {
    switch (kind) {
      case FEELING:
        return "an emotion or relational observation";
      case SPECULATION:
        return "an imaginative hypothesis about the people";
      case QUESTION:
        return "a factual clarifying question";
      case FACILITATION:
        return "a leader's process move";
      case CLINICAL:
        return "clinical problem-solving";
      case NEW_CASE:
        return "bringing in another case";
      case JUDGEMENT:
        return "judging the presenter's practice";
      default:
        throw new AssertionError(kind);
    }
  }

  private static String quote(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT - 1) + "…";
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
