package org.balint.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.session.Case;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {
  private static final Instant FIRST = Instant.parse("2025-01-07T18:00:00Z");

  private static final Group GROUP =
      Group.builder()
          .id("g")
          .name("Group")
          .addLeaders(
              Leader.builder()
                  .id("L1")
                  .name("Dr L")
                  .profession(Profession.GP)
                  .training(LeaderTraining.TRAINED)
                  .build())
          .addMembers(
              Member.builder()
                  .id("t1")
                  .name("Dr T")
                  .profession(Profession.PSYCHIATRY_TRAINEE)
                  .build())
          .addMembers(
              Member.builder()
                  .id("t2")
                  .name("Dr U")
                  .profession(Profession.PSYCHIATRY_TRAINEE)
                  .build())
          .build();

  /**
   * Weekly sessions of the given length; every {@code onlineEvery}-th online; t2 presents the
   * first.
   */
  private static GroupRecord weekly(int count, int minutes, int onlineEvery) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant start = FIRST.plus(7L * i, ChronoUnit.DAYS);
      sessions.add(
          Session.builder()
              .id("s" + i)
              .start(start)
              .end(start.plus(Duration.ofMinutes(minutes)))
              .mode(
                  onlineEvery > 0 && i % onlineEvery == 0
                      ? SessionMode.ONLINE
                      : SessionMode.IN_PERSON)
              .addPresent("L1", "t1", "t2")
              .addCases(Case.builder().presenter(i == 0 ? "t2" : "t1").title("A case").build())
              .build());
    }
    return GroupRecord.builder().group(GROUP).addAllSessions(sessions).build();
  }

  @Test
  void ledger_countsPresenceWithRoles() {
    AttendanceLedger ledger = AttendanceLedger.of("t2", List.of(weekly(3, 90, 0)));

    assertEquals(3, ledger.entries().size());
    assertEquals(AttendanceRole.PRESENTER, ledger.entries().get(0).role());
    assertEquals(AttendanceRole.MEMBER, ledger.entries().get(1).role());
    assertEquals(
        AttendanceRole.LEADER,
        AttendanceLedger.of("L1", List.of(weekly(1, 90, 0))).entries().get(0).role());
  }

  @Test
  void ukCoreTraining_thirtyWeeklySessionsSpanLessThanAYear_notMet() {
    TrainingProgress progress =
        TrainingProgress.of(
            TrainingRequirements.ukPsychiatryCoreTraining(),
            AttendanceLedger.of("t1", List.of(weekly(30, 90, 0))));

    assertEquals(30, progress.credit());
    assertEquals(0, progress.remaining());
    assertFalse(progress.spanMet(), "30 weekly sessions span 29 weeks");
    assertFalse(progress.met());
  }

  @Test
  void ukCoreTraining_yearEdge_fiftyThreeWeeksFallOneDayShortAndFiftyFourMeetIt() {
    TrainingRequirement core = TrainingRequirements.ukPsychiatryCoreTraining();

    assertFalse(
        TrainingProgress.of(core, AttendanceLedger.of("t1", List.of(weekly(53, 60, 0)))).met(),
        "364 days");
    assertTrue(
        TrainingProgress.of(core, AttendanceLedger.of("t1", List.of(weekly(54, 60, 0)))).met(),
        "371 days");
  }

  @Test
  void germanBasicCare_onlineSessionsCountForNinetyMinutesAtMost() {
    // 26 weekly sessions of 120 minutes, every second one online: 13 x 2h in person + 13 x 1.5h
    // online.
    TrainingProgress progress =
        TrainingProgress.of(
            TrainingRequirements.germanPsychosomaticBasicCare(),
            AttendanceLedger.of("t1", List.of(weekly(26, 120, 2))));

    assertEquals(Duration.ofMinutes(13 * 120 + 13 * 90), progress.time());
    assertEquals(45, progress.credit());
    assertEquals(26, progress.inPersonCredit());
    assertFalse(progress.spanMet(), "26 weekly sessions span 175 days, less than six months");
    assertFalse(progress.met());
    TrainingProgress longer =
        TrainingProgress.of(
            TrainingRequirements.germanPsychosomaticBasicCare(),
            AttendanceLedger.of("t1", List.of(weekly(27, 120, 2))));
    assertTrue(longer.met(), "27 weekly sessions span 182 days");
  }

  @Test
  void germanBasicCare_tooFewInPersonHours_notMet() {
    // 30 weekly sessions of 90 minutes, all online: 45 hours, none in person.
    TrainingProgress progress =
        TrainingProgress.of(
            TrainingRequirements.germanPsychosomaticBasicCare(),
            AttendanceLedger.of("t1", List.of(weekly(30, 90, 1))));

    assertEquals(45, progress.credit());
    assertEquals(0, progress.inPersonCredit());
    assertFalse(progress.met());
  }

  @Test
  void leaderPath_leadingEarnsOnlyTheCoLeadingCredit() {
    AttendanceLedger ledger = AttendanceLedger.of("L1", List.of(weekly(25, 90, 0)));

    assertTrue(TrainingProgress.of(TrainingRequirements.ukLeaderCoLeading(), ledger).met());
    assertEquals(
        0, TrainingProgress.of(TrainingRequirements.ukLeaderMemberExperience(), ledger).credit());
  }

  @Test
  void requirement_brokenInvariant_throwsNamingTheField() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrainingRequirement.builder()
                    .from(TrainingRequirements.ukPsychiatryCoreTraining())
                    .required(0)
                    .build());
    assertTrue(thrown.getMessage().contains("required"), thrown.getMessage());
  }

  @Test
  void credit_neverExceedsSessionsAttendedAndGrowsWithThem() {
    qt().forAll(integers().between(0, 60), integers().between(0, 60))
        .checkAssert(
            (fewer, more) -> {
              int a = Math.min(fewer, more);
              int b = Math.max(fewer, more);
              TrainingRequirement core = TrainingRequirements.ukPsychiatryCoreTraining();
              TrainingProgress small =
                  TrainingProgress.of(core, AttendanceLedger.of("t1", List.of(weekly(a, 90, 0))));
              TrainingProgress large =
                  TrainingProgress.of(core, AttendanceLedger.of("t1", List.of(weekly(b, 90, 0))));
              assertEquals(a, small.credit());
              assertTrue(large.credit() >= small.credit());
              assertTrue(large.remaining() <= small.remaining());
              assertEquals(core.required() - Math.min(core.required(), a), small.remaining());
            });
  }
}
