package org.balint.method;

import static org.balint.method.Fixtures.goodSession;
import static org.balint.method.Fixtures.group;
import static org.balint.method.Fixtures.record;
import static org.balint.method.Fixtures.ruleIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  private static final ImmutableMap<String, Severity> SPEC_RULES =
      ImmutableMap.<String, Severity>builder()
          .put("group.size", Severity.ERROR)
          .put("group.leadership", Severity.ERROR)
          .put("leader.training", Severity.WARNING)
          .put("session.attendee", Severity.ERROR)
          .put("session.phase-order", Severity.ERROR)
          .put("session.case-count", Severity.WARNING)
          .put("session.duration", Severity.WARNING)
          .put("presenter.silence", Severity.ERROR)
          .put("discussion.clinical", Severity.WARNING)
          .put("discussion.clinical-drift", Severity.ERROR)
          .put("discussion.new-case", Severity.WARNING)
          .put("discussion.judgement", Severity.WARNING)
          .put("confidentiality.consent", Severity.ERROR)
          .put("confidentiality.identifier", Severity.ERROR)
          .build();

  @Test
  void standard_hasEveryRuleOfTheSpecWithItsSeverity() {
    Protocol standard = Protocols.standard();
    assertEquals("balint-standard", standard.name());
    assertEquals(
        SPEC_RULES.keySet().asList(),
        standard.rules().stream().map(Rule::id).collect(ImmutableList.toImmutableList()));
    SPEC_RULES.forEach(
        (id, severity) -> {
          Rule rule = standard.rule(id).orElseThrow();
          assertEquals(severity, standard.severityOf(rule), id);
          assertFalse(rule.guidance().isBlank(), id);
        });
    assertEquals(Optional.empty(), standard.rule("no.such-rule"));
  }

  @Test
  void byName_findsEachNamedProtocolWithItsParameters() {
    assertEquals(
        ImmutableList.of(
            "balint-standard", "uk-balint-society", "balint-anz", "german-medical-chambers"),
        Protocols.names().asList());
    assertEquals(Optional.of(Protocols.standard()), Protocols.byName("balint-standard"));
    assertEquals(Optional.empty(), Protocols.byName("balint-nowhere"));

    ProtocolParameters uk = Protocols.byName("uk-balint-society").orElseThrow().parameters();
    assertEquals(
        ImmutableList.of(6, 10, 1),
        ImmutableList.of(uk.minMembers(), uk.maxMembers(), uk.maxCasesPerSession()));
    ProtocolParameters anz = Protocols.byName("balint-anz").orElseThrow().parameters();
    assertEquals(
        ImmutableList.of(6, 10, 2),
        ImmutableList.of(anz.minMembers(), anz.maxMembers(), anz.maxCasesPerSession()));
    assertEquals(Duration.ofMinutes(90), anz.shortestSession());
    assertEquals(Duration.ofMinutes(120), anz.longestSession());
    ProtocolParameters german =
        Protocols.byName("german-medical-chambers").orElseThrow().parameters();
    assertEquals(
        ImmutableList.of(8, 12), ImmutableList.of(german.minMembers(), german.maxMembers()));
    for (String name : Protocols.names()) {
      assertEquals(name, Protocols.byName(name).orElseThrow().name());
      assertEquals(SPEC_RULES.size(), Protocols.byName(name).orElseThrow().rules().size());
    }
  }

  @Test
  void withSeverity_changesTheSeverityOfThatRuleOnly() {
    Protocol relaxed = Protocols.standard().withSeverity("group.size", Severity.INFO);
    ImmutableList<Violation> violations =
        relaxed.validate(record(group(7)), Fixtures.FEELINGS).violations();
    assertEquals(Severity.INFO, violations.get(0).severity());
    assertEquals(
        Severity.ERROR, relaxed.severityOf(relaxed.rule("group.leadership").orElseThrow()));
    assertEquals(
        Severity.WARNING,
        relaxed.withSeverity("group.size", Severity.WARNING).severityOf(new GroupSizeRule()));
  }

  @Test
  void withSeverity_orWithoutRule_unknownRule_isRefused() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Protocols.standard().withSeverity("group.sise", Severity.INFO));
    assertEquals(
        "protocol balint-standard has no rule with the id \"group.sise\"", thrown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Protocols.standard().withoutRule("nope"));
  }

  @Test
  void builder_repeatedRuleId_orOverrideOfAMissingRule_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Protocol.builder()
                .name("twice")
                .addRules(new GroupSizeRule(), new GroupSizeRule())
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Protocol.builder()
                .name("odd")
                .addRules(new GroupSizeRule())
                .parameters(
                    ProtocolParameters.builder()
                        .putSeverityOverride("presenter.silence", Severity.INFO)
                        .build())
                .build());
  }

  @Test
  void parameters_inconsistentValues_areRefusedWithTheValue() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProtocolParameters.builder().minMembers(11).maxMembers(10).build());
    assertEquals(
        "maxMembers must not be less than minMembers (11), but was 10", thrown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtocolParameters.builder().clinicalDriftDenominator(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtocolParameters.builder().sessionLengthTolerance(Duration.ofMinutes(-1)).build());
  }

  /** A rule of a user's own: no session on a weekend day, say. */
  private static final class NoSundayRule implements Rule {
    @Override
    public String id() {
      return "local.no-sunday";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.INFO;
    }

    @Override
    public String guidance() {
      return "Rest on Sundays.";
    }

    @Override
    public Scope scope() {
      return Scope.SESSION;
    }

    @Override
    public ImmutableList<Violation> check(RuleContext context) {
      return context.session().start().atZone(java.time.ZoneOffset.UTC).getDayOfWeek()
              == java.time.DayOfWeek.SUNDAY
          ? ImmutableList.of(context.sessionViolation("the session met on a Sunday."))
          : ImmutableList.of();
    }
  }

  @Test
  void withRule_addsAUsersOwnRule_reportedAfterTheStandardOnes() {
    Protocol ours = Protocols.standard().withRule(new NoSundayRule());
    Session sunday =
        goodSession()
            .start(java.time.Instant.parse("2026-11-22T18:00:00Z"))
            .end(java.time.Instant.parse("2026-11-22T19:00:00Z"))
            .build();
    ValidationReport report = ours.validate(record(group(8), sunday), Fixtures.FEELINGS);
    assertEquals(
        ImmutableList.of("session.duration", "local.no-sunday"), ruleIds(report.violations()));
    assertEquals("The session met on a Sunday.", report.violations().get(1).message());
    assertEquals(Severity.INFO, report.violations().get(1).severity());
    assertEquals(
        ImmutableList.of("session.duration"),
        ruleIds(
            ours.withoutRule("local.no-sunday")
                .validate(record(group(8), sunday), Fixtures.FEELINGS)
                .violations()));
  }

  @Test
  void ruleContext_groupRuleAskingForASession_isToldItHasNone() {
    Rule confused =
        new BasicRule("local.confused", Severity.INFO, Rule.Scope.GROUP, "Stay with the group.") {
          @Override
          public ImmutableList<Violation> check(RuleContext context) {
            return ImmutableList.of(context.sessionViolation("never " + context.session().id()));
          }
        };
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Protocols.standard()
                    .withRule(confused)
                    .validate(record(group(8)), Fixtures.FEELINGS));
    assertEquals(
        "rule local.confused is a group rule: its context has no session", thrown.getMessage());
  }

  @Test
  void basicRule_blankIdOrGuidance_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BasicRule(" ", Severity.INFO, Rule.Scope.GROUP, "Guidance.") {
              @Override
              public ImmutableList<Violation> check(RuleContext context) {
                return ImmutableList.of();
              }
            });
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BasicRule("local.quiet", Severity.INFO, Rule.Scope.GROUP, "") {
              @Override
              public ImmutableList<Violation> check(RuleContext context) {
                return ImmutableList.of();
              }
            });
  }

  @Test
  void withRule_replacingARule_keepsItsPlaceInTheOrder() {
    Protocol replaced = Protocols.standard().withRule(new GroupSizeRule());
    assertEquals(
        Protocols.standard().rules().stream()
            .map(Rule::id)
            .collect(ImmutableList.toImmutableList()),
        replaced.rules().stream().map(Rule::id).collect(ImmutableList.toImmutableList()));
  }

  /** Counts the classifier's calls and calls everything clinical. */
  private static final class CountingClassifier implements ContributionClassifier {
    final List<String> calls = new ArrayList<>();

    @Override
    public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
      calls.add(text + "|" + phase.orElseThrow() + "|" + role.orElseThrow());
      return Classification.builder().kind(ContributionKind.CLINICAL).build();
    }
  }

  private static Contribution uncoded(String speaker, Phase phase, String text) {
    return Contribution.builder().speaker(speaker).phase(phase).text(text).build();
  }

  @Test
  void validate_kindLessSureThanTheMinimumConfidence_reportedUncertainNotAViolation() {
    Session session =
        goodSession()
            .contributions(
                ImmutableList.of(
                    Fixtures.say("m1", Phase.PRESENTATION, ContributionKind.FEELING),
                    Fixtures.say("m2", Phase.DISCUSSION, ContributionKind.FEELING),
                    uncoded("m3", Phase.DISCUSSION, "Sure: check her thyroid."),
                    uncoded("m4", Phase.DISCUSSION, "Unsure: what about her thyroid."),
                    Fixtures.say("m5", Phase.DISCUSSION, ContributionKind.SPECULATION)))
            .build();
    ContributionClassifier classifier =
        (text, phase, role) ->
            Classification.builder()
                .kind(ContributionKind.CLINICAL)
                .confidence(text.startsWith("Sure") ? 0.95 : 0.6)
                .build();

    ValidationReport report = Protocols.standard().validate(record(group(8), session), classifier);

    // The uncertain one counts neither as clinical nor towards drift (1 sure of 4 is not drift).
    assertEquals(ImmutableList.of("discussion.clinical"), ruleIds(report.violations()));
    assertEquals(2, report.violations().get(0).contributionIndex().getAsInt());
    assertEquals(1, report.uncertain().size());
    Violation uncertain = report.uncertain().get(0);
    assertEquals("discussion.clinical", uncertain.ruleId());
    assertEquals(Severity.INFO, uncertain.severity());
    assertEquals(3, uncertain.contributionIndex().getAsInt());
    assertTrue(
        uncertain.message().contains("60% sure, below the protocol's 80%"), uncertain::message);
  }

  @Test
  void validate_minimumConfidenceZero_everyClassifiedKindCounts() {
    Session session =
        goodSession()
            .contributions(
                ImmutableList.of(uncoded("m3", Phase.DISCUSSION, "What about her thyroid.")))
            .build();
    ContributionClassifier unsure =
        (text, phase, role) ->
            Classification.builder().kind(ContributionKind.CLINICAL).confidence(0.2).build();
    Protocol trusting =
        Protocols.standard()
            .withParameters(ProtocolParameters.builder().minimumConfidence(0).build());

    ValidationReport report = trusting.validate(record(group(8), session), unsure);

    assertTrue(ruleIds(report.violations()).contains("discussion.clinical"));
    assertTrue(report.uncertain().isEmpty());
  }

  @Test
  void validate_codedKindWinsOverTheClassifier() {
    Session session =
        goodSession()
            .contributions(
                ImmutableList.of(
                    uncoded("m1", Phase.PRESENTATION, "She came in with her list again."),
                    Fixtures.say("m2", Phase.DISCUSSION, ContributionKind.FEELING),
                    uncoded("m3", Phase.DISCUSSION, "I felt sad for both of them."),
                    Fixtures.say("m4", Phase.DISCUSSION, ContributionKind.SPECULATION),
                    Fixtures.say("m5", Phase.DISCUSSION, ContributionKind.FEELING)))
            .build();
    CountingClassifier classifier = new CountingClassifier();
    ImmutableList<Violation> violations =
        Protocols.standard().validate(record(group(8), session), classifier).violations();
    // Only the uncoded discussion contribution is taken as clinical: 1 of 4 is not drift.
    assertEquals(ImmutableList.of("discussion.clinical"), ruleIds(violations));
    assertEquals(2, violations.get(0).contributionIndex().getAsInt());
  }

  @Test
  void validate_classifiesEachUncodedContributionAfterThePresentationOnce_withPhaseAndRole() {
    Session session =
        goodSession()
            .contributions(
                ImmutableList.of(
                    uncoded("L1", Phase.OPENING, "Who has a case?"),
                    uncoded("m1", Phase.PRESENTATION, "She came in with her list again."),
                    uncoded("m1", Phase.QUESTIONS, "She is fifty."),
                    uncoded("m2", Phase.DISCUSSION, "I felt sad."),
                    uncoded("L1", Phase.DISCUSSION, "Can we stay with the doctor?"),
                    uncoded("m1", Phase.PRESENTER_RETURNS, "That struck me."),
                    uncoded("L1", Phase.CLOSING, "Thank you.")))
            .build();
    CountingClassifier classifier = new CountingClassifier();
    Protocols.standard().validate(record(group(8), session), classifier);
    assertEquals(
        ImmutableList.of(
            "She is fifty.|QUESTIONS|PRESENTER",
            "I felt sad.|DISCUSSION|MEMBER",
            "Can we stay with the doctor?|DISCUSSION|LEADER",
            "That struck me.|PRESENTER_RETURNS|PRESENTER",
            "Thank you.|CLOSING|LEADER"),
        classifier.calls);
  }

  @Test
  void report_countsAndSessionViolations() {
    Session other = goodSession().id("s2").end(Fixtures.START.plusSeconds(60 * 60)).build();
    ValidationReport report =
        Protocols.standard()
            .validate(record(group(11), goodSession().build(), other), Fixtures.FEELINGS);
    assertTrue(report.hasErrors());
    assertEquals(
        ImmutableMap.of(Severity.ERROR, 1, Severity.WARNING, 1, Severity.INFO, 0), report.counts());
    assertEquals(ImmutableList.of("group.size"), ruleIds(report.groupViolations()));
    assertEquals(ImmutableList.of(), report.violationsOf("s1"));
    assertEquals(ImmutableList.of("session.duration"), ruleIds(report.violationsOf("s2")));
    assertFalse(ValidationReport.of(ImmutableList.of()).hasErrors());
  }

  // Properties over random sessions.

  private static final Phase[] PHASES = Phase.values();
  private static final ContributionKind[] KINDS = ContributionKind.values();

  /** A random group record: sizes, leaders, attendance, cases, phases and kinds all vary. */
  static GroupRecord randomRecord(Random random) {
    Group group = group(random.nextInt(14));
    List<String> roster = new ArrayList<>(group.rosterIds());
    roster.add("visitor");
    List<Session> sessions = new ArrayList<>();
    int sessionCount = 1 + random.nextInt(3);
    for (int s = 0; s < sessionCount; s++) {
      List<String> present = new ArrayList<>();
      for (String id : roster) {
        if (random.nextInt(4) > 0) {
          present.add(id);
        }
      }
      int cases = 1 + random.nextInt(2);
      Session.Builder session =
          Session.builder()
              .id("s" + s)
              .start(Fixtures.START)
              .end(Fixtures.START.plusSeconds(60L * (60 + random.nextInt(60))))
              .present(present);
      for (int k = 0; k < cases; k++) {
        session.addCase(
            Case.builder()
                .presenter(roster.get(random.nextInt(roster.size())))
                .title("Case " + k)
                .build());
      }
      int contributions = random.nextInt(25);
      for (int i = 0; i < contributions; i++) {
        session.addContribution(
            Fixtures.say(
                roster.get(random.nextInt(roster.size())),
                PHASES[random.nextInt(PHASES.length)],
                KINDS[random.nextInt(KINDS.length)],
                random.nextInt(cases)));
      }
      sessions.add(session.build());
    }
    return GroupRecord.builder().group(group).sessions(sessions).build();
  }

  @Test
  void validate_violationsComeInDocumentOrder() {
    Protocol protocol = Protocols.byName("balint-anz").orElseThrow();
    Map<String, Integer> rulePosition = new LinkedHashMap<>();
    protocol.rules().forEach(rule -> rulePosition.put(rule.id(), rulePosition.size()));
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              GroupRecord record = randomRecord(new Random(seed));
              List<String> sessionOrder =
                  record.sessions().stream()
                      .map(Session::id)
                      .collect(ImmutableList.toImmutableList());
              ImmutableList<Violation> violations =
                  protocol.validate(record, Fixtures.FEELINGS).violations();
              for (int i = 1; i < violations.size(); i++) {
                Violation before = violations.get(i - 1);
                Violation after = violations.get(i);
                int sessionBefore = before.sessionId().map(sessionOrder::indexOf).orElse(-1);
                int sessionAfter = after.sessionId().map(sessionOrder::indexOf).orElse(-1);
                assertTrue(sessionBefore <= sessionAfter, "sessions in order: " + violations);
                if (sessionBefore == sessionAfter) {
                  int indexBefore = before.contributionIndex().orElse(-1);
                  int indexAfter = after.contributionIndex().orElse(-1);
                  assertTrue(
                      indexBefore <= indexAfter,
                      "session-level first, then by index: " + violations);
                  if (indexBefore == indexAfter) {
                    assertTrue(
                        rulePosition.get(before.ruleId()) <= rulePosition.get(after.ruleId()),
                        "ties in rule order: " + violations);
                  }
                }
              }
            });
  }

  @Test
  void phaseOrder_sequencesThatNeverGoBack_neverFire_andEachStepBackFiresOnce() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              int cases = 1 + random.nextInt(3);
              int[] phase = new int[cases];
              int[] previous = new int[cases];
              java.util.Arrays.fill(previous, -1);
              boolean goBack = random.nextBoolean();
              int expected = 0;
              Session.Builder session =
                  goodSession().contributions(ImmutableList.of()).cases(ImmutableList.of());
              for (int k = 0; k < cases; k++) {
                session.addCase(Case.builder().presenter("m1").title("Case " + k).build());
              }
              int contributions = random.nextInt(30);
              for (int i = 0; i < contributions; i++) {
                int k = random.nextInt(cases);
                if (goBack && random.nextInt(5) == 0) {
                  phase[k] = random.nextInt(PHASES.length);
                } else if (random.nextInt(3) == 0) {
                  phase[k] = Math.min(PHASES.length - 1, phase[k] + 1 + random.nextInt(2));
                }
                if (previous[k] > phase[k]) {
                  expected++;
                }
                previous[k] = phase[k];
                session.addContribution(
                    Fixtures.say("m2", PHASES[phase[k]], ContributionKind.FEELING, k));
              }
              long fired =
                  Protocols.standard()
                      .validate(record(group(8), session.build()), Fixtures.FEELINGS)
                      .violations()
                      .stream()
                      .filter(
                          v ->
                              v.ruleId().equals("session.phase-order")
                                  && v.contributionIndex().isPresent())
                      .count();
              assertEquals(expected, fired);
              if (!goBack) {
                assertEquals(0, fired);
              }
            });
  }
}
