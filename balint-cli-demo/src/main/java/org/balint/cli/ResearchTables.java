package org.balint.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.balint.analysis.Fidelity;
import org.balint.analysis.Participation;
import org.balint.analysis.Pseudonyms;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.language.ContributionClassifier;
import org.balint.language.SessionKinds;
import org.balint.method.Protocol;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * The six tidy tables of {@code balint tables}, filled document by document: one observation a row,
 * the metrics taken from {@code org.balint.analysis}, and the violations from the same validation
 * as {@code validate --format json}, as the very objects it prints ({@link ViolationLines#object}).
 */
final class ResearchTables {
  private final CsvTable groups =
      new CsvTable("groups.csv", "group", "name", "leaders", "members", "sessions", "file");
  private final CsvTable people =
      new CsvTable(
          "people.csv", "group", "person", "role", "profession", "training", "joined", "left");
  private final CsvTable sessions =
      new CsvTable(
          "sessions.csv",
          "group",
          "session",
          "start",
          "end",
          "minutes",
          "mode",
          "purpose",
          "present",
          "contributions",
          "fidelity",
          "turn_gini",
          "silent_members");
  private final CsvTable attendance =
      new CsvTable(
          "attendance.csv", "group", "session", "person", "present", "consented", "presented");
  private final CsvTable contributions =
      new CsvTable(
          "contributions.csv",
          "group",
          "session",
          "index",
          "case",
          "phase",
          "speaker",
          "speaker_role",
          "at",
          "words",
          "kind",
          "kind_source",
          "text");
  private final CsvTable violations =
      new CsvTable(
          "violations.csv", "group", "session", "contribution", "rule", "severity", "message");

  private final Protocol protocol;
  private final ContributionClassifier classifier;
  private final boolean withText;
  private final boolean pseudonymise;
  private boolean errors;

  /**
   * Creates empty tables.
   *
   * @param protocol the protocol the violations and fidelity are checked against
   * @param classifier decides the kinds the documents do not code
   * @param withText whether contributions' texts go in the {@code text} column
   * @param pseudonymise whether roster names in texts and messages become pseudonyms
   */
  ResearchTables(
      Protocol protocol,
      ContributionClassifier classifier,
      boolean withText,
      boolean pseudonymise) {
    this.protocol = protocol;
    this.classifier = classifier;
    this.withText = withText;
    this.pseudonymise = pseudonymise;
  }

  /**
   * The tables, in the order of the data dictionary.
   *
   * @return the six tables
   */
  ImmutableList<CsvTable> all() {
    return ImmutableList.of(groups, people, sessions, attendance, contributions, violations);
  }

  /**
   * Whether any document added so far has an {@code ERROR} violation.
   *
   * @return true when {@code violations.csv} has an {@code ERROR} row
   */
  boolean hasErrors() {
    return errors;
  }

  /**
   * Adds one document's rows to every table.
   *
   * @param file the file it was read from, as given
   * @param record the document
   */
  void add(String file, GroupRecord record) {
    Group group = record.group();
    UnaryOperator<String> names =
        pseudonymise ? Pseudonyms.of(group)::replaceIn : UnaryOperator.identity();
    ValidationReport report = protocol.validate(record, classifier);
    errors |= report.hasErrors();
    addGroup(file, record);
    for (Session session : record.sessions()) {
      SessionKinds kinds = SessionKinds.of(group, session, classifier);
      addSession(group, session, kinds, report);
      addAttendance(group, session);
      addContributions(group, session, kinds, names);
    }
    for (Violation violation : report.violations()) {
      ObjectNode row = ViolationLines.object(file, violation);
      row.put("message", names.apply(violation.message()));
      violations.add(row);
    }
  }

  private void addGroup(String file, GroupRecord record) {
    Group group = record.group();
    groups
        .row()
        .put("group", group.id())
        .put("name", group.name())
        .put("leaders", group.leaders().size())
        .put("members", group.members().size())
        .put("sessions", record.sessions().size())
        .put("file", file);
    for (Leader leader : group.leaders()) {
      ObjectNode row =
          people
              .row()
              .put("group", group.id())
              .put("person", leader.id())
              .put("role", "LEADER")
              .put("profession", leader.profession().name())
              .put("training", leader.training().name());
      dates(row, leader.joined(), leader.left());
    }
    for (Member member : group.members()) {
      ObjectNode row =
          people
              .row()
              .put("group", group.id())
              .put("person", member.id())
              .put("role", "MEMBER")
              .put("profession", member.profession().name());
      dates(row, member.joined(), member.left());
    }
  }

  private static void dates(ObjectNode row, Optional<LocalDate> joined, Optional<LocalDate> left) {
    joined.ifPresent(date -> row.put("joined", date.toString()));
    left.ifPresent(date -> row.put("left", date.toString()));
  }

  private void addSession(
      Group group, Session session, SessionKinds kinds, ValidationReport report) {
    Participation participation = Participation.of(group, session);
    ObjectNode row =
        sessions
            .row()
            .put("group", group.id())
            .put("session", session.id())
            .put("start", session.start().toString());
    session.end().map(Instant::toString).ifPresent(end -> row.put("end", end));
    session
        .duration()
        .map(ResearchTables::minutes)
        .ifPresent(minutes -> row.put("minutes", minutes));
    row.put("mode", session.mode().map(Enum::name).orElse(""));
    session.recording().ifPresent(recording -> row.put("purpose", recording.purpose().name()));
    row.put("present", session.present().size())
        .put("contributions", session.contributions().size())
        .put("fidelity", Fidelity.of(kinds, report).index())
        .put("turn_gini", participation.turnGini())
        .put("silent_members", participation.silentMembers().size());
  }

  /** Minutes to two decimal places, without trailing zeros: {@code 90}, {@code 92.5}. */
  private static String minutes(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis())
        .divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private void addAttendance(Group group, Session session) {
    Set<String> people = new LinkedHashSet<>(group.rosterIds());
    people.addAll(session.present());
    Set<String> presenters = new LinkedHashSet<>();
    session.cases().stream().map(Case::presenter).forEach(presenters::add);
    for (String person : people) {
      attendance
          .row()
          .put("group", group.id())
          .put("session", session.id())
          .put("person", person)
          .put("present", session.present().contains(person))
          .put(
              "consented", session.recording().map(r -> r.consent().contains(person)).orElse(false))
          .put("presented", presenters.contains(person));
    }
  }

  private void addContributions(
      Group group, Session session, SessionKinds kinds, UnaryOperator<String> names) {
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      ObjectNode row =
          contributions
              .row()
              .put("group", group.id())
              .put("session", session.id())
              .put("index", i)
              .put("case", contribution.caseIndex())
              .put("phase", contribution.phase().name())
              .put("speaker", contribution.speaker())
              .put(
                  "speaker_role",
                  session
                      .roleOf(
                          contribution.speaker(),
                          contribution.caseIndex(),
                          group.isLeader(contribution.speaker()))
                      .name());
      Optional<Instant> at = contribution.at();
      at.ifPresent(instant -> row.put("at", instant.toString()));
      row.put("words", Participation.wordsIn(contribution.text()))
          .put("kind", kinds.kindOf(i).name())
          .put("kind_source", contribution.kind().isPresent() ? "coded" : "classified");
      if (withText) {
        row.put("text", names.apply(contribution.text()));
      }
    }
  }
}
