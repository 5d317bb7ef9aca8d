package org.balint.store;

import static org.balint.store.StoreFixtures.FIRST_START;
import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.session;
import static org.balint.store.StoreFixtures.violation;
import static org.balint.store.StoreFixtures.violationsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.balint.group.Group;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupRepository#merge}: a document's people are added or updated and its sessions stored
 * whole; nothing stored that the document does not mention is lost.
 */
public abstract class MergeContract extends StoreContract {
  private static final String GROUP = "riverside";

  private static Member newcomer() {
    return Member.builder()
        .id("m10")
        .name("Dr New Comer")
        .profession(Profession.NURSE)
        .joined(LocalDate.of(2027, 1, 4))
        .build();
  }

  /** The stored group's roster with one more member, and no sessions: a roster update. */
  private static GroupRecord rosterUpdate(GroupRecord stored) {
    Group group = stored.group();
    return GroupRecord.builder()
        .group(Group.builder().from(group).addMember(newcomer()).build())
        .build();
  }

  @Test
  public void
      merge_rosterWithOneMoreMemberAndNoSessions_keepsEverySessionAndPersonAndAddsTheMember() {
    GroupRecord stored = richRecord(GROUP, 1);
    store.groups().store(stored, violationsOf(stored));
    ImmutableList<Attendance> attendanceBefore = store.sessions().attendance(GROUP, "m2");

    Versioned<RecordMerge> merge =
        store.groups().merge(rosterUpdate(stored), merged -> violationsOf(merged));

    GroupRecord expected =
        stored.withGroup(Group.builder().from(stored.group()).addMember(newcomer()).build());
    assertEquals(
        Optional.of(Versioned.of(expected, merge.version())), store.groups().findRecord(GROUP));
    assertEquals(ImmutableList.of("m10"), merge.value().peopleAdded());
    assertEquals(ImmutableList.of(), merge.value().peopleUpdated());
    assertEquals(ImmutableList.of(), merge.value().sessionsAdded());
    assertEquals(ImmutableList.of(), merge.value().sessionsReplaced());
    assertEquals(
        ImmutableList.of("2026-11-20", "2026-12-04", "2026-12-18.b"), merge.value().sessionsKept());
    assertEquals(attendanceBefore, store.sessions().attendance(GROUP, "m2"));
    assertEquals(violationsOf(expected), store.groups().violations(GROUP));
  }

  @Test
  public void merge_intoAnEmptyStore_storesTheDocument() {
    GroupRecord document = richRecord(GROUP, 2);

    Versioned<RecordMerge> merge = store.groups().merge(document, merged -> List.of());

    assertEquals(
        Optional.of(Versioned.of(document, merge.version())), store.groups().findRecord(GROUP));
    assertEquals(document.group().rosterIds().asList(), merge.value().peopleAdded());
    assertEquals(3, merge.value().sessionsAdded().size());
    assertEquals(false, merge.value().replacingDeletes());
  }

  @Test
  public void merge_sessionsWithAStoredIdReplaceIt_newOnesAreAdded_othersStay() {
    GroupRecord stored = richRecord(GROUP, 1);
    store.groups().store(stored);
    Session replacement = session("2026-12-04", FIRST_START.plus(Duration.ofDays(14)), 3);
    Session added = session("2027-01-15", FIRST_START.plus(Duration.ofDays(56)), 2);
    GroupRecord document =
        GroupRecord.builder().group(stored.group()).addSessions(added, replacement).build();

    Versioned<RecordMerge> merge = store.groups().merge(document, merged -> List.of());

    List<Session> sessions = new ArrayList<>(stored.sessions());
    sessions.set(1, replacement);
    sessions.add(added);
    assertEquals(sessions, store.groups().findRecord(GROUP).orElseThrow().value().sessions());
    assertEquals(ImmutableList.of("2027-01-15"), merge.value().sessionsAdded());
    assertEquals(ImmutableList.of("2026-12-04"), merge.value().sessionsReplaced());
    assertEquals(ImmutableList.of("2026-11-20", "2026-12-18.b"), merge.value().sessionsKept());
  }

  @Test
  public void merge_updatesThePeopleItNames_andKeepsThoseItDoesNot() {
    GroupRecord stored = richRecord(GROUP, 1);
    store.groups().store(stored);
    Member leaving = stored.group().member("m3").orElseThrow().withLeft(LocalDate.of(2027, 2, 1));
    GroupRecord document =
        GroupRecord.builder()
            .group(Group.builder().id(GROUP).name("Riverside renamed").addMember(leaving).build())
            .build();

    Versioned<RecordMerge> merge = store.groups().merge(document, merged -> List.of());

    Group group = store.groups().findGroup(GROUP).orElseThrow().value();
    assertEquals("Riverside renamed", group.name());
    assertEquals(stored.group().rosterIds(), group.rosterIds());
    assertEquals(leaving, group.member("m3").orElseThrow());
    assertEquals(stored.group().leaders(), group.leaders());
    assertEquals(stored.group().extensions(), group.extensions());
    assertEquals(ImmutableList.of("m3"), merge.value().peopleUpdated());
    assertEquals(10, merge.value().peopleKept().size());
    assertEquals(true, merge.value().replacingDeletes());
  }

  @Test
  public void merge_validatesTheMergedRecord_andStoresItsViolations() {
    GroupRecord stored = richRecord(GROUP, 1);
    store.groups().store(stored, violationsOf(stored));
    AtomicReference<GroupRecord> seen = new AtomicReference<>();
    Violation size =
        Violation.builder()
            .from(violationsOf(stored).get(0))
            .message("the group has 10 members")
            .build();

    store
        .groups()
        .merge(
            rosterUpdate(stored),
            merged -> {
              seen.set(merged);
              return List.of(size, violation("session.duration", GROUP, "2026-12-04", -1));
            });

    assertEquals(10, seen.get().group().members().size());
    assertEquals(3, seen.get().sessions().size());
    assertEquals(
        ImmutableList.of(size, violation("session.duration", GROUP, "2026-12-04", -1)),
        store.groups().violations(GROUP));
  }

  @Test
  public void merge_aSessionWithoutConsent_isRefusedAndChangesNothing() {
    GroupRecord stored = richRecord(GROUP, 1);
    long version = store.groups().store(stored);
    Session unconsented =
        session("2027-01-15", FIRST_START.plus(Duration.ofDays(56)), 2)
            .withRecording(Optional.empty());
    GroupRecord document =
        GroupRecord.builder().from(rosterUpdate(stored)).addSession(unconsented).build();

    assertThrows(
        ConsentMissingException.class, () -> store.groups().merge(document, merged -> List.of()));

    assertEquals(Optional.of(Versioned.of(stored, version)), store.groups().findRecord(GROUP));
  }

  @Test
  public void merge_violationOfAnotherGroup_isRefusedAndChangesNothing() {
    GroupRecord stored = richRecord(GROUP, 1);
    long version = store.groups().store(stored);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            store
                .groups()
                .merge(
                    rosterUpdate(stored),
                    merged ->
                        List.of(violation("session.duration", "elsewhere", "2026-12-04", -1))));

    assertEquals(Optional.of(Versioned.of(stored, version)), store.groups().findRecord(GROUP));
  }

  @Test
  public void storeThenRead_keepsJoinedAndLeftDates() {
    GroupRecord stored = richRecord(GROUP, 3);
    store.groups().store(stored);

    Group group = store.groups().findGroup(GROUP).orElseThrow().value();
    assertEquals(Optional.of(LocalDate.of(2026, 6, 30)), group.member("m8").orElseThrow().left());
    assertEquals(Optional.of(LocalDate.of(2024, 9, 2)), group.member("m2").orElseThrow().joined());
    assertEquals(stored.group(), group);
  }
}
