package org.balint.store;

import static org.balint.store.StoreFixtures.FIRST_START;
import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.session;
import static org.balint.store.StoreFixtures.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} must do: single sessions with their own versions,
 * contributions appended by concurrent writers with none lost or repeated, time-range pages,
 * attendance ledgers, and the sessions that broke a rule.
 */
public abstract class SessionRepositoryContract extends StoreContract {
  private static final String GROUP = "riverside";

  private GroupRecord storeRecord() {
    GroupRecord record = richRecord(GROUP, 1);
    store.groups().store(record);
    return record;
  }

  @Test
  public void find_afterRecordStore_givesTheSessionAtVersionOne() {
    GroupRecord record = storeRecord();

    assertEquals(
        Optional.of(Versioned.of(record.sessions().get(0), 1)),
        store.sessions().find(GROUP, "2026-11-20"));
    assertEquals(Optional.empty(), store.sessions().find(GROUP, "1999-01-01"));
    assertEquals(Optional.empty(), store.sessions().find("nobody", "2026-11-20"));
  }

  @Test
  public void store_aNewSession_addsItAfterTheOthersAndRaisesTheGroupVersion() {
    GroupRecord record = storeRecord();
    long groupVersion = store.groups().findGroup(GROUP).get().version();
    Session added = session("2027-01-08", FIRST_START.plus(Duration.ofDays(49)), 4);

    long version = store.sessions().store(GROUP, added, ImmutableList.of());

    assertEquals(1, version);
    Versioned<GroupRecord> read = store.groups().findRecord(GROUP).get();
    assertEquals(GroupRecord.builder().from(record).addSession(added).build(), read.value());
    assertEquals(groupVersion + 1, read.version());
  }

  @Test
  public void store_anExistingSession_replacesItInPlaceWithItsViolations() {
    GroupRecord record = storeRecord();
    store
        .groups()
        .store(
            record,
            ImmutableList.of(
                violation("session.duration", GROUP, "2026-12-04", -1),
                violation("presenter.silence", GROUP, "2026-11-20", 2)));
    Session replacement = session("2026-12-04", FIRST_START.plus(Duration.ofDays(14)), 3);
    Violation found = violation("discussion.clinical", GROUP, "2026-12-04", 1);

    long version = store.sessions().store(GROUP, replacement, ImmutableList.of(found));

    assertEquals(3, version);
    List<Session> expected = new ArrayList<>(record.sessions());
    expected.set(1, replacement);
    assertEquals(expected, store.groups().findRecord(GROUP).get().value().sessions());
    assertEquals(
        ImmutableList.of(violation("presenter.silence", GROUP, "2026-11-20", 2), found),
        store.groups().violations(GROUP));
  }

  @Test
  public void store_inAGroupNotStored_throwsNotStored() {
    NotStoredException thrown =
        assertThrows(
            NotStoredException.class,
            () -> store.sessions().store("nobody", session("s1", FIRST_START, 0), List.of()));

    assertEquals("group nobody is not stored", thrown.getMessage());
  }

  @Test
  public void replace_withAStaleVersion_throwsAConflictNamingTheSession() {
    storeRecord();
    Versioned<Session> read = store.sessions().find(GROUP, "2026-11-20").get();
    store.sessions().append(GROUP, "2026-11-20", contribution("someone else was quicker", 0));

    VersionConflictException conflict =
        assertThrows(
            VersionConflictException.class,
            () -> store.sessions().replace(GROUP, read.value(), List.of(), read.version()));

    assertEquals(
        "session 2026-11-20 of group riverside was changed by someone else (version 2, you had 1);"
            + " read it again and retry",
        conflict.getMessage());
    assertEquals(
        13, store.sessions().find(GROUP, "2026-11-20").get().value().contributions().size());
  }

  @Test
  public void replace_withTheVersionRead_storesTheSession() {
    storeRecord();
    Versioned<Session> read = store.sessions().find(GROUP, "2026-12-04").get();
    Session changed = Session.builder().from(read.value()).addPresent("m9").build();

    long version = store.sessions().replace(GROUP, changed, List.of(), read.version());

    assertEquals(
        Optional.of(Versioned.of(changed, version)), store.sessions().find(GROUP, "2026-12-04"));
  }

  @Test
  public void append_addsTheContributionLastAndRaisesTheVersion() {
    GroupRecord record = storeRecord();
    Contribution said = contribution("Who has a case for us tonight?", 1);

    int index = store.sessions().append(GROUP, "2026-11-20", said);

    Versioned<Session> read = store.sessions().find(GROUP, "2026-11-20").get();
    assertEquals(12, index);
    assertEquals(2, read.version());
    assertEquals(
        ImmutableList.builder().addAll(record.sessions().get(0).contributions()).add(said).build(),
        read.value().contributions());
  }

  @Test
  public void append_toASessionNotStored_throwsNotStored() {
    storeRecord();

    NotStoredException thrown =
        assertThrows(
            NotStoredException.class,
            () -> store.sessions().append(GROUP, "1999-01-01", contribution("hello", 0)));

    assertEquals("session 1999-01-01 of group riverside is not stored", thrown.getMessage());
  }

  @Test
  public void append_breakingTheSessionsTimeOrder_isRefusedAndAppendsNothing() {
    GroupRecord record = storeRecord();
    Contribution early =
        Contribution.builder()
            .from(contribution("too early", 0))
            .at(FIRST_START.minusSeconds(1))
            .build();

    assertThrows(
        IllegalArgumentException.class, () -> store.sessions().append(GROUP, "2026-11-20", early));

    assertEquals(
        Versioned.of(record.sessions().get(0), 1),
        store.sessions().find(GROUP, "2026-11-20").get());
  }

  @Test
  public void append_byEightWritersAtOnce_losesNoneAndRepeatsNone() throws Exception {
    storeRecord();
    int writers = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  indexes.add(
                      store
                          .sessions()
                          .append(GROUP, "2026-12-18.b", contribution(writer + "/" + i, 0)));
                }
                return indexes;
              }));
    }
    start.countDown();
    Set<Integer> indexes = new HashSet<>();
    for (Future<List<Integer>> result : results) {
      indexes.addAll(result.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();

    Versioned<Session> read = store.sessions().find(GROUP, "2026-12-18.b").get();
    List<Contribution> all = read.value().contributions();
    int before = 5;
    List<String> texts =
        all.subList(before, all.size()).stream()
            .map(Contribution::text)
            .collect(Collectors.toList());
    assertEquals(writers * each, texts.size());
    assertEquals(writers * each, new HashSet<>(texts).size());
    assertEquals(writers * each, indexes.size());
    assertEquals(before, indexes.stream().mapToInt(Integer::intValue).min().getAsInt());
    for (int w = 0; w < writers; w++) {
      String prefix = w + "/";
      List<String> own =
          texts.stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toList());
      List<String> inOrder = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        inOrder.add(prefix + i);
      }
      assertEquals(inOrder, own, "writer " + w + "'s contributions in the order appended");
    }
    assertEquals(1 + writers * each, read.version());
  }

  /**
   * A contribution in the discussion with no time, to a session whose case exists.
   *
   * @param text what was said
   * @param caseIndex the case
   */
  private static Contribution contribution(String text, int caseIndex) {
    return Contribution.builder()
        .speaker("m4")
        .phase(Phase.DISCUSSION)
        .text(text)
        .caseIndex(caseIndex)
        .build();
  }

  /** A group with 25 weekly sessions, each starting a few nanoseconds after the hour. */
  private List<Session> storeWeekly() {
    store.groups().store(GroupRecord.builder().group(StoreFixtures.group(GROUP, 0)).build());
    List<Session> sessions = new ArrayList<>();
    for (int week = 24; week >= 0; week--) {
      Session session =
          session("w" + week, FIRST_START.plus(Duration.ofDays(7L * week)).plusNanos(week), 1);
      store.sessions().store(GROUP, session, List.of());
      sessions.add(0, session);
    }
    return sessions;
  }

  @Test
  public void sessions_inARange_comeInPagesEarliestFirst() {
    List<Session> weekly = storeWeekly();
    Instant from = weekly.get(2).start();
    Instant to = weekly.get(24).start();

    Page<Session> first = store.sessions().sessions(GROUP, from, to, PageRequest.first(10));
    Page<Session> second = store.sessions().sessions(GROUP, from, to, first.nextRequest().get());
    Page<Session> third = store.sessions().sessions(GROUP, from, to, second.nextRequest().get());

    assertEquals(weekly.subList(2, 12), first.items());
    assertEquals(weekly.subList(12, 22), second.items());
    assertEquals(weekly.subList(22, 24), third.items());
    assertEquals(22, third.total());
    assertEquals(Optional.empty(), third.nextRequest());
  }

  @Test
  public void sessions_atTheRangesEdges_includeFromAndExcludeTo() {
    List<Session> weekly = storeWeekly();
    Instant start = weekly.get(5).start();

    Page<Session> oneNanosecond =
        store.sessions().sessions(GROUP, start, start.plusNanos(1), PageRequest.first(5));
    Page<Session> empty = store.sessions().sessions(GROUP, start, start, PageRequest.first(5));
    Page<Session> justAfter =
        store
            .sessions()
            .sessions(GROUP, start.plusNanos(1), weekly.get(6).start(), PageRequest.first(5));

    assertEquals(ImmutableList.of(weekly.get(5)), oneNanosecond.items());
    assertEquals(0, empty.total());
    assertEquals(0, justAfter.total());
    assertTrue(
        store
            .sessions()
            .sessions("nobody", start, start.plusSeconds(1), PageRequest.first(5))
            .items()
            .isEmpty());
  }

  @Test
  public void attendance_listsEverySessionWithPresenceAndCasesPresented() {
    storeRecord();

    ImmutableList<Attendance> ledger = store.sessions().attendance(GROUP, "m1");

    GroupRecord record = richRecord(GROUP, 1);
    assertEquals(
        ImmutableList.of(
            Attendance.builder()
                .sessionId("2026-11-20")
                .start(record.sessions().get(0).start())
                .present(true)
                .casesPresented(1)
                .build(),
            Attendance.builder()
                .sessionId("2026-12-04")
                .start(record.sessions().get(1).start())
                .present(false)
                .casesPresented(0)
                .build(),
            Attendance.builder()
                .sessionId("2026-12-18.b")
                .start(record.sessions().get(2).start())
                .present(false)
                .casesPresented(0)
                .build()),
        ledger);
    assertEquals(ImmutableList.of(true, false, false), presence("m2"));
    assertEquals(ImmutableList.of(false, false, false), presence("nobody"));
  }

  private ImmutableList<Boolean> presence(String personId) {
    return store.sessions().attendance(GROUP, personId).stream()
        .map(Attendance::present)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  public void withViolation_listsEachSessionOnceByGroupThenStart() {
    GroupRecord riverside = richRecord(GROUP, 1);
    GroupRecord lakeside = richRecord("lakeside", 2);
    store
        .groups()
        .store(
            riverside,
            ImmutableList.of(
                violation("presenter.silence", GROUP, "2026-12-18.b", 1),
                violation("presenter.silence", GROUP, "2026-11-20", 3),
                violation("presenter.silence", GROUP, "2026-11-20", 5),
                violation("session.duration", GROUP, "2026-12-04", -1)));
    store
        .groups()
        .store(
            lakeside,
            ImmutableList.of(violation("presenter.silence", "lakeside", "2026-11-20", 0)));

    Page<SessionKey> first =
        store.sessions().withViolation("presenter.silence", PageRequest.first(2));
    Page<SessionKey> second =
        store.sessions().withViolation("presenter.silence", first.nextRequest().get());

    assertEquals(
        ImmutableList.of(
            SessionKey.of("lakeside", "2026-11-20"), SessionKey.of(GROUP, "2026-11-20")),
        first.items());
    assertEquals(ImmutableList.of(SessionKey.of(GROUP, "2026-12-18.b")), second.items());
    assertEquals(3, second.total());
    assertEquals(0, store.sessions().withViolation("group.size", PageRequest.first(2)).total());
  }
}
