package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.balint.session.GroupRecord;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  private static final Instant OLD_END = Instant.parse("2026-01-10T19:30:00Z");
  private static final Instant NEW_END = Instant.parse("2026-11-20T19:30:00Z");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static GroupRecord record() {
    return Records.record(
        Records.session(
            "old",
            OLD_END,
            Optional.of(Records.recording(RecordingPurpose.RESEARCH, "L1", "m1", "m2"))),
        Records.session(
            "new",
            NEW_END,
            Optional.of(Records.recording(RecordingPurpose.RESEARCH, "L1", "m1", "m2"))));
  }

  @Test
  void purge_contributionsPastTheirTime_areDeletedAndAttendanceKept() {
    RetentionPurge purge = RetentionPolicy.contributionsForDays(30).purge(record(), NOW);
    assertEquals(ImmutableList.of("old"), purge.contributionsPurged());
    assertEquals(ImmutableList.of(), purge.caseTitlesPurged());
    Session old = purge.purged().session("old").orElseThrow();
    assertTrue(old.contributions().isEmpty());
    assertEquals(ImmutableList.of("L1", "m1", "m2"), old.present());
    assertEquals(Records.TITLE, old.cases().get(0).title());
    assertEquals(record().session("new"), purge.purged().session("new"));
  }

  @Test
  void purge_caseTitlesPastTheirTime_areReplacedAndPresentersKept() {
    RetentionPolicy policy =
        RetentionPolicy.builder()
            .contributionsKeptFor(Duration.ofDays(1))
            .caseTitlesKeptFor(Duration.ofDays(180))
            .build();
    RetentionPurge purge = policy.purge(record(), NOW);
    assertEquals(ImmutableList.of("old", "new"), purge.contributionsPurged());
    assertEquals(ImmutableList.of("old"), purge.caseTitlesPurged());
    Session old = purge.purged().session("old").orElseThrow();
    assertEquals(Withholding.CASE_TITLE_PLACEHOLDER, old.cases().get(0).title());
    assertEquals("m1", old.cases().get(0).presenter());
  }

  @Test
  void purge_keepEverything_deletesNothing() {
    RetentionPurge purge = RetentionPolicy.keepEverything().purge(record(), NOW);
    assertTrue(purge.isEmpty());
    assertEquals(record(), purge.purged());
  }

  @Test
  void purge_appliedTwice_deletesNothingMore() {
    RetentionPolicy policy =
        RetentionPolicy.builder()
            .contributionsKeptFor(Duration.ZERO)
            .caseTitlesKeptFor(Duration.ZERO)
            .build();
    RetentionPurge first = policy.purge(record(), NOW);
    RetentionPurge second = policy.purge(first.purged(), NOW);
    assertTrue(second.isEmpty());
    assertEquals(first.purged(), second.purged());
  }

  @Test
  void purge_sessionWithoutEnd_countsFromItsStart() {
    Session open = Records.session("open", NEW_END, Optional.empty()).withEnd(Optional.empty());
    Instant start = open.start();
    RetentionPolicy policy = RetentionPolicy.contributionsForDays(2);
    assertTrue(
        policy
            .purge(Records.record(open), start.plus(Duration.ofDays(2)).minusSeconds(1))
            .isEmpty());
    assertEquals(
        ImmutableList.of("open"),
        policy.purge(Records.record(open), start.plus(Duration.ofDays(2))).contributionsPurged());
  }

  @Test
  void purge_anyDay_deletesExactlyTheSessionsOlderThanThePolicy() {
    qt().forAll(integers().between(0, 400))
        .checkAssert(
            days -> {
              RetentionPurge purge =
                  RetentionPolicy.contributionsForDays(days).purge(record(), NOW);
              ImmutableList.Builder<String> expected = ImmutableList.builder();
              for (Session session : record().sessions()) {
                if (!NOW.isBefore(session.end().orElseThrow().plus(Duration.ofDays(days)))) {
                  expected.add(session.id());
                }
              }
              assertEquals(expected.build(), purge.contributionsPurged());
              assertEquals(record().sessions().size(), purge.purged().sessions().size());
            });
  }

  @Test
  void builder_negativeDuration_throws() {
    assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.contributionsForDays(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> RetentionPolicy.builder().caseTitlesKeptFor(Duration.ofDays(-3)).build());
  }
}
