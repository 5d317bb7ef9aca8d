package org.balint.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.method.Protocol;
import org.balint.method.Rule;
import org.balint.method.Severity;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * Writes a validation report for a facilitator: grouped by session, quoting each contribution that
 * breaks the method, and saying what the method asks instead.
 */
final class FacilitatorReport {
  private static final int QUOTE_LIMIT = 160;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Protocol protocol;

  FacilitatorReport(PrintWriter out, Protocol protocol) {
    this.out = out;
    this.protocol = protocol;
  }

  void write(String source, GroupRecord record, ValidationReport report) {
    Group group = record.group();
    out.printf("%s (%s) - %s%n", group.name(), group.id(), source);
    out.printf(
        "%d leader%s, %d member%s, %d session%s, checked against %s: %s%n",
        group.leaders().size(),
        plural(group.leaders().size()),
        group.members().size(),
        plural(group.members().size()),
        record.sessions().size(),
        plural(record.sessions().size()),
        protocol.name(),
        summary(report.violations()));

    List<Violation> groupLevel = new ArrayList<>();
    Map<String, List<Violation>> bySession = new LinkedHashMap<>();
    for (Violation violation : report.violations()) {
      if (violation.sessionId().isPresent()) {
        bySession
            .computeIfAbsent(violation.sessionId().get(), id -> new ArrayList<>())
            .add(violation);
      } else {
        groupLevel.add(violation);
      }
    }
    if (!groupLevel.isEmpty()) {
      out.println();
      out.println("  The group");
      groupLevel.forEach(violation -> writeViolation(violation, "    "));
    }
    for (Session session : record.sessions()) {
      writeSession(group, session, bySession.getOrDefault(session.id(), List.of()));
    }
    if (!report.uncertain().isEmpty()) {
      out.println();
      out.println("  Uncertain: the classifier was not sure enough to count these as breaches");
      for (Violation uncertain : report.uncertain()) {
        record.sessions().stream()
            .filter(session -> uncertain.sessionId().equals(Optional.of(session.id())))
            .findFirst()
            .ifPresent(
                session -> {
                  out.printf("    Session %s%n", session.id());
                  writeQuote(session, group, uncertain.contributionIndex().getAsInt());
                });
        out.printf("      %s: %s%n", uncertain.ruleId(), uncertain.message());
      }
    }
    out.println();
  }

  /**
   * Writes one session's part of the report: its session-level violations, then each contribution
   * that breaks the method, quoted, with its violations.
   */
  void writeSession(Group group, Session session, List<Violation> violations) {
    out.println();
    out.printf("  Session %s - %s%n", session.id(), describe(session, group));
    if (violations.isEmpty()) {
      out.println("    Kept to the method: no breaches found.");
      return;
    }
    int lastContribution = -1;
    for (Violation violation : violations) {
      if (violation.contributionIndex().isEmpty()) {
        writeViolation(violation, "    ");
        continue;
      }
      int index = violation.contributionIndex().getAsInt();
      if (index != lastContribution) {
        writeQuote(session, group, index);
        lastContribution = index;
      }
      writeViolation(violation, "      ");
    }
  }

  private void writeQuote(Session session, Group group, int index) {
    Contribution contribution = session.contributions().get(index);
    String when = contribution.at().map(at -> TIME.format(at) + " ").orElse("");
    out.printf(
        "    #%d %s%s, %s: \"%s\"%n",
        index,
        when,
        contribution.phase(),
        speakerName(group, contribution.speaker()),
        quote(contribution.text()));
  }

  private void writeViolation(Violation violation, String indent) {
    out.printf(
        "%s%-7s %s: %s%n", indent, violation.severity(), violation.ruleId(), violation.message());
    Optional<String> guidance = protocol.rule(violation.ruleId()).map(Rule::guidance);
    guidance.ifPresent(text -> out.printf("%s        The method asks: %s%n", indent, text));
  }

  private static String describe(Session session, Group group) {
    StringBuilder text = new StringBuilder(DAY.format(session.start()));
    session.end().ifPresent(end -> text.append("-").append(TIME.format(end)));
    text.append(" UTC, ").append(session.present().size()).append(" present");
    for (Case presented : session.cases()) {
      text.append(", \"")
          .append(quote(presented.title()))
          .append("\" presented by ")
          .append(speakerName(group, presented.presenter()));
    }
    return text.toString();
  }

  /** A person's name on the roster, or empty when the id is not on it. */
  static Optional<String> personName(Group group, String id) {
    return group
        .leader(id)
        .map(leader -> leader.name())
        .or(() -> group.member(id).map(member -> member.name()));
  }

  /**
   * A speaker as a report names them: "Dr Ben Ode (m1)", or the id and that it is off the roster.
   */
  static String speakerName(Group group, String id) {
    return personName(group, id).map(n -> n + " (" + id + ")").orElse(id + " (not on the roster)");
  }

  private static String quote(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT - 3) + "...";
  }

  static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "no breaches of the method.";
    }
    long errors = violations.stream().filter(v -> v.severity() == Severity.ERROR).count();
    long warnings = violations.stream().filter(v -> v.severity() == Severity.WARNING).count();
    long infos = violations.size() - errors - warnings;
    StringBuilder text = new StringBuilder();
    text.append(errors).append(" error").append(plural(errors));
    text.append(", ").append(warnings).append(" warning").append(plural(warnings));
    if (infos > 0) {
      text.append(", ").append(infos).append(" note").append(plural(infos));
    }
    return text.append(".").toString();
  }

  private static String plural(long count) {
    return count == 1 ? "" : "s";
  }
}
