package org.balint.store;

import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.violationsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GroupRepository} must do: give back what was stored, replace on re-import,
 * store whole or not at all, and detect conflicting writes.
 */
public abstract class GroupRepositoryContract extends StoreContract {

  @Test
  public void findRecord_afterStore_givesBackAnEqualRecord() {
    GroupRecord record = richRecord("riverside", 1);

    long version = store.groups().store(record, violationsOf(record));

    assertEquals(
        Optional.of(Versioned.of(record, version)), store.groups().findRecord("riverside"));
  }

  @Test
  public void findRecord_afterStore_roundTripsManyVariants() {
    qt().withExamples(15)
        .forAll(integers().between(0, 10_000))
        .checkAssert(
            variant -> {
              GroupRecord record = richRecord("g" + variant, variant);
              store.groups().store(record);
              assertEquals(
                  record, store.groups().findRecord("g" + variant).map(Versioned::value).get());
            });
  }

  @Test
  public void findRecord_ofAGroupNotStored_isEmpty() {
    assertEquals(Optional.empty(), store.groups().findRecord("nobody"));
    assertEquals(Optional.empty(), store.groups().findGroup("nobody"));
    assertEquals(ImmutableList.of(), store.groups().violations("nobody"));
  }

  @Test
  public void findGroup_afterStore_givesTheRosterAndVersion() {
    GroupRecord record = richRecord("riverside", 2);
    long version = store.groups().store(record);

    Versioned<Group> found = store.groups().findGroup("riverside").get();

    assertEquals(record.group(), found.value());
    assertEquals(version, found.version());
  }

  @Test
  public void violations_afterStore_areThoseStoredInOrder() {
    GroupRecord record = richRecord("riverside", 3);

    store.groups().store(record, violationsOf(record));

    assertEquals(violationsOf(record), store.groups().violations("riverside"));
  }

  @Test
  public void store_again_replacesTheRecordWithoutDuplicates() {
    GroupRecord first = richRecord("riverside", 4);
    GroupRecord second = secondEdition(richRecord("riverside", 5));
    long firstVersion = store.groups().store(first, violationsOf(first));

    long secondVersion = store.groups().store(second, ImmutableList.of());
    store.groups().store(second, ImmutableList.of());

    assertEquals(second, store.groups().findRecord("riverside").get().value());
    assertEquals(ImmutableList.of(), store.groups().violations("riverside"));
    assertEquals(firstVersion + 1, secondVersion);
    assertEquals(secondVersion + 1, store.groups().findRecord("riverside").get().version());
    assertEquals(ImmutableList.of("riverside"), store.groups().groupIds());
  }

  /** The record without its second session, and with the first session's first case dropped. */
  private static GroupRecord secondEdition(GroupRecord record) {
    Session first = record.sessions().get(0);
    Session shorter =
        Session.builder()
            .from(first)
            .cases(first.cases().subList(0, 1))
            .contributions(
                first.contributions().stream()
                    .filter(c -> c.caseIndex() == 0)
                    .collect(ImmutableList.toImmutableList()))
            .build();
    return GroupRecord.builder()
        .from(record)
        .sessions(ImmutableList.of(shorter, record.sessions().get(2)))
        .build();
  }

  @Test
  public void store_failingMidWrite_storesNothing() {
    GroupRecord record = richRecord("riverside", 6);
    List<Violation> failing = new FailingList<>(violationsOf(record));

    assertThrows(RuntimeException.class, () -> store.groups().store(record, failing));

    assertEquals(Optional.empty(), store.groups().findRecord("riverside"));
    assertEquals(ImmutableList.of(), store.groups().groupIds());
  }

  @Test
  public void store_failingMidReplace_keepsTheRecordStoredBefore() {
    GroupRecord before = richRecord("riverside", 7);
    long version = store.groups().store(before, violationsOf(before));
    GroupRecord after = secondEdition(richRecord("riverside", 8));
    List<Violation> failing = new FailingList<>(ImmutableList.of(violationsOf(after).get(0)));

    assertThrows(RuntimeException.class, () -> store.groups().store(after, failing));

    assertEquals(Versioned.of(before, version), store.groups().findRecord("riverside").get());
    assertEquals(violationsOf(before), store.groups().violations("riverside"));
  }

  @Test
  public void store_withAViolationOfAnotherSession_isRefusedAndStoresNothing() {
    GroupRecord record = richRecord("riverside", 9);
    Violation stray = StoreFixtures.violation("session.duration", "riverside", "1999-01-01", -1);

    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> store.groups().store(record, ImmutableList.of(stray)));

    assertTrue(thrown.getMessage().contains("1999-01-01"), thrown.getMessage());
    assertEquals(Optional.empty(), store.groups().findRecord("riverside"));
  }

  @Test
  public void replace_withTheVersionRead_storesTheRecord() {
    GroupRecord first = richRecord("riverside", 10);
    long version = store.groups().replace(first, ImmutableList.of(), Versioned.ABSENT);
    GroupRecord second = secondEdition(first);

    long next = store.groups().replace(second, ImmutableList.of(), version);

    assertEquals(Versioned.of(second, next), store.groups().findRecord("riverside").get());
  }

  @Test
  public void replace_withAStaleVersion_throwsAConflictAndKeepsTheNewerRecord() {
    GroupRecord first = richRecord("riverside", 11);
    long read = store.groups().store(first);
    GroupRecord theirs = secondEdition(first);
    long theirVersion = store.groups().replace(theirs, ImmutableList.of(), read);

    VersionConflictException conflict =
        assertThrows(
            VersionConflictException.class,
            () -> store.groups().replace(richRecord("riverside", 12), ImmutableList.of(), read));

    assertEquals(
        "group riverside was changed by someone else (version "
            + theirVersion
            + ", you had "
            + read
            + "); read it again and retry",
        conflict.getMessage());
    assertEquals(theirs, store.groups().findRecord("riverside").get().value());
  }

  @Test
  public void replace_expectingAbsentWhenStored_throwsAConflict() {
    store.groups().store(richRecord("riverside", 13));

    assertThrows(
        VersionConflictException.class,
        () ->
            store
                .groups()
                .replace(richRecord("riverside", 14), ImmutableList.of(), Versioned.ABSENT));
  }

  @Test
  public void delete_removesTheGroupWithItsSessionsAndViolations() {
    GroupRecord record = richRecord("riverside", 15);
    store.groups().store(record, violationsOf(record));
    store.groups().store(richRecord("lakeside", 15));

    assertTrue(store.groups().delete("riverside"));

    assertFalse(store.groups().delete("riverside"));
    assertEquals(ImmutableList.of("lakeside"), store.groups().groupIds());
    assertEquals(ImmutableList.of(), store.groups().violations("riverside"));
    assertEquals(Optional.empty(), store.sessions().find("riverside", "2026-11-20"));
    assertEquals(
        0, store.sessions().withViolation("presenter.silence", PageRequest.first(10)).total());
  }

  @Test
  public void groupIds_listsEveryStoredGroupInOrder() {
    store.groups().store(richRecord("b-group", 0));
    store.groups().store(richRecord("a.group", 0));
    store.groups().store(richRecord("C_group", 0));

    assertEquals(ImmutableList.of("C_group", "a.group", "b-group"), store.groups().groupIds());
  }
}
