package org.balint.store;

import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.violationsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.privacy.Withholding;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with retention: keep each group's policy with the group, and purge what
 * the policies say is due, per group, keeping attendance.
 */
public abstract class RetentionContract extends StoreContract {
  private static final String GROUP = "riverside";
  private static final RetentionPolicy THIRTY_DAYS = RetentionPolicy.contributionsForDays(30);

  /** The end of the rich record's first session, from which its retention runs. */
  private static Instant firstEnd(GroupRecord record) {
    return record.sessions().get(0).end().orElseThrow();
  }

  private static GroupRecord withSession(GroupRecord record, int index, Session session) {
    List<Session> sessions = new ArrayList<>(record.sessions());
    sessions.set(index, session);
    return record.withSessions(sessions);
  }

  @Test
  public void retention_ofAGroupWithoutPolicy_keepsEverything() {
    store.groups().store(richRecord(GROUP, 1));

    assertEquals(Optional.of(RetentionPolicy.keepEverything()), store.groups().retention(GROUP));
    assertEquals(Optional.empty(), store.groups().retention("nobody"));
  }

  @Test
  public void setRetention_isKeptAcrossReImportAndGoesWithTheGroup() {
    store.groups().store(richRecord(GROUP, 1));
    RetentionPolicy policy =
        RetentionPolicy.builder()
            .contributionsKeptFor(Duration.ofDays(90))
            .caseTitlesKeptFor(Duration.ofDays(3 * 365).plusSeconds(1).plusNanos(7))
            .build();
    long version = store.groups().findGroup(GROUP).orElseThrow().version();

    store.groups().setRetention(GROUP, policy);
    store.groups().store(richRecord(GROUP, 2));

    assertEquals(Optional.of(policy), store.groups().retention(GROUP));
    assertEquals(version + 1, store.groups().findGroup(GROUP).orElseThrow().version());
    store.groups().delete(GROUP);
    store.groups().store(richRecord(GROUP, 3));
    assertEquals(Optional.of(RetentionPolicy.keepEverything()), store.groups().retention(GROUP));
  }

  @Test
  public void setRetention_ofAGroupNotStored_throwsNotStored() {
    NotStoredException thrown =
        assertThrows(
            NotStoredException.class, () -> store.groups().setRetention("nobody", THIRTY_DAYS));

    assertEquals("group nobody is not stored", thrown.getMessage());
  }

  @Test
  public void purge_deletesContributionsDueAndKeepsAttendanceAndTheRest() {
    GroupRecord record = richRecord(GROUP, 1);
    long version = store.groups().store(record, violationsOf(record));
    store.groups().setRetention(GROUP, THIRTY_DAYS);
    ImmutableList<Attendance> ledger = store.sessions().attendance(GROUP, "m1");

    ImmutableList<GroupPurge> purged =
        store.groups().purge(firstEnd(record).plus(Duration.ofDays(30)));

    assertEquals(
        ImmutableList.of(
            GroupPurge.builder().groupId(GROUP).addContributionsPurged("2026-11-20").build()),
        purged);
    GroupRecord expected = withSession(record, 0, record.sessions().get(0).withContributions());
    assertEquals(
        Optional.of(Versioned.of(expected, version + 1)), store.groups().findRecord(GROUP));
    assertEquals(2, store.sessions().find(GROUP, "2026-11-20").orElseThrow().version());
    assertEquals(1, store.sessions().find(GROUP, "2026-12-18.b").orElseThrow().version());
    assertEquals(ledger, store.sessions().attendance(GROUP, "m1"));
    List<Violation> violations = new ArrayList<>(violationsOf(record));
    violations.set(1, violations.get(1).withContributionIndex(OptionalInt.empty()));
    assertEquals(violations, store.groups().violations(GROUP));
  }

  @Test
  public void purge_justBeforeTheTimeIsUp_deletesNothing() {
    GroupRecord record = richRecord(GROUP, 1);
    long version = store.groups().store(record);
    store.groups().setRetention(GROUP, THIRTY_DAYS);

    Instant justBefore = firstEnd(record).plus(Duration.ofDays(30)).minusNanos(1);

    assertEquals(ImmutableList.of(), store.groups().purge(justBefore));
    assertEquals(Optional.of(Versioned.of(record, version)), store.groups().findRecord(GROUP));
  }

  @Test
  public void purge_withCaseTitlesDue_replacesThemAndIsIdempotent() {
    GroupRecord record = richRecord(GROUP, 1);
    store.groups().store(record);
    store
        .groups()
        .setRetention(
            GROUP,
            RetentionPolicy.builder()
                .contributionsKeptFor(Duration.ZERO)
                .caseTitlesKeptFor(Duration.ofDays(365))
                .build());
    Instant now = record.sessions().get(2).end().orElseThrow().plus(Duration.ofDays(365));

    ImmutableList<GroupPurge> first = store.groups().purge(now);
    long version = store.groups().findGroup(GROUP).orElseThrow().version();
    ImmutableList<GroupPurge> second = store.groups().purge(now);

    assertEquals(
        ImmutableList.of(
            GroupPurge.builder()
                .groupId(GROUP)
                .addContributionsPurged("2026-11-20", "2026-12-18.b")
                .addCaseTitlesPurged("2026-11-20", "2026-12-18.b")
                .build()),
        first);
    List<Session> expected = new ArrayList<>();
    for (Session session : record.sessions()) {
      expected.add(Withholding.withoutCaseTitles(session.withContributions()));
    }
    assertEquals(expected, store.groups().findRecord(GROUP).orElseThrow().value().sessions());
    assertEquals(ImmutableList.of(), second);
    assertEquals(version, store.groups().findGroup(GROUP).orElseThrow().version());
  }

  @Test
  public void duePurges_saysWhatPurgeWouldDoAndChangesNothing() {
    GroupRecord riverside = richRecord(GROUP, 1);
    GroupRecord lakeside = richRecord("lakeside", 2);
    GroupRecord hillside = richRecord("hillside", 3);
    long version = store.groups().store(riverside);
    store.groups().store(lakeside);
    store.groups().store(hillside);
    store.groups().setRetention(GROUP, THIRTY_DAYS);
    store.groups().setRetention("lakeside", RetentionPolicy.contributionsForDays(1));
    Instant now = firstEnd(riverside).plus(Duration.ofDays(30));

    ImmutableList<GroupPurge> due = store.groups().duePurges(now);

    assertEquals(
        ImmutableList.of(
            GroupPurge.builder()
                .groupId("lakeside")
                .addContributionsPurged("2026-11-20", "2026-12-18.b")
                .build(),
            GroupPurge.builder().groupId(GROUP).addContributionsPurged("2026-11-20").build()),
        due);
    assertEquals(Optional.of(Versioned.of(riverside, version)), store.groups().findRecord(GROUP));
    assertEquals(due, store.groups().purge(now));
    assertEquals(hillside, store.groups().findRecord("hillside").orElseThrow().value());
  }

  @Test
  public void storePurge_withAStaleVersion_throwsAConflictAndChangesNothing() {
    GroupRecord record = richRecord(GROUP, 1);
    long version = store.groups().store(record, violationsOf(record));
    RetentionPurge purge = THIRTY_DAYS.purge(record, firstEnd(record).plus(Duration.ofDays(30)));
    store.groups().store(record, violationsOf(record));

    VersionConflictException conflict =
        assertThrows(
            VersionConflictException.class,
            () ->
                store
                    .groups()
                    .storePurge(
                        purge, GroupPurge.violationsAfter(violationsOf(record), purge), version));

    assertEquals(version + 1, conflict.storedVersion());
    assertEquals(Optional.of(Versioned.of(record, version + 1)), store.groups().findRecord(GROUP));
    assertEquals(violationsOf(record), store.groups().violations(GROUP));
  }

  @Test
  public void storePurge_raisesTheVersionsOfTheSessionsItChangedOnly() {
    GroupRecord record = richRecord(GROUP, 1);
    long version = store.groups().store(record);
    RetentionPurge purge = THIRTY_DAYS.purge(record, firstEnd(record).plus(Duration.ofDays(30)));

    long purged = store.groups().storePurge(purge, ImmutableList.of(), version);

    assertEquals(version + 1, purged);
    assertEquals(
        Optional.of(Versioned.of(purge.purged(), purged)), store.groups().findRecord(GROUP));
    assertEquals(2, store.sessions().find(GROUP, "2026-11-20").orElseThrow().version());
    assertEquals(1, store.sessions().find(GROUP, "2026-12-18.b").orElseThrow().version());
  }
}
