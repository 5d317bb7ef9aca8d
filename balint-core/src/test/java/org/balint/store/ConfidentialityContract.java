package org.balint.store;

import static org.balint.store.StoreFixtures.FIRST_START;
import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * What every store must refuse, through every write: the contributions of a session without the
 * recorded consent of everyone present, and case titles or contributions holding a patient
 * identifier. A refused write stores nothing; attendance and case titles alone are always kept.
 */
public abstract class ConfidentialityContract extends StoreContract {
  private static final String GROUP = "riverside";
  private static final String NHS_NUMBER = "943 476 5919";

  /** The session {@code 2026-11-20} of the rich record, without the consent of m4 and m2. */
  private static Session withoutConsentOfTwo(GroupRecord record) {
    Session recorded = record.sessions().get(0);
    return recorded.withRecording(
        recorded.recording().map(r -> r.withConsent(ImmutableList.of("m3", "L1", "m1", "m5"))));
  }

  private static GroupRecord withSession(GroupRecord record, int index, Session session) {
    List<Session> sessions = new java.util.ArrayList<>(record.sessions());
    sessions.set(index, session);
    return record.withSessions(sessions);
  }

  private Versioned<GroupRecord> stored() {
    GroupRecord record = richRecord(GROUP, 1);
    long version = store.groups().store(record);
    return Versioned.of(record, version);
  }

  private void assertStillStored(Versioned<GroupRecord> before) {
    assertEquals(Optional.of(before), store.groups().findRecord(GROUP));
  }

  @Test
  public void storeRecord_withContributionsMissingConsent_isRefusedNamingWhoAndStoresNothing() {
    GroupRecord record = richRecord(GROUP, 1);
    GroupRecord unconsented = withSession(record, 0, withoutConsentOfTwo(record));

    ConsentMissingException thrown =
        assertThrows(ConsentMissingException.class, () -> store.groups().store(unconsented));

    assertEquals(ImmutableList.of("m2", "m4"), thrown.missingConsent());
    assertTrue(
        thrown
            .getMessage()
            .startsWith(
                "refusing to store the contributions of session 2026-11-20 of group riverside: not"
                    + " everyone who was present or spoke consented to the recording (missing: m2, m4)"),
        thrown.getMessage());
    assertEquals(Optional.empty(), store.groups().findRecord(GROUP));
    assertEquals(ImmutableList.of(), store.groups().groupIds());
  }

  @Test
  public void storeRecord_withContributionsButNoRecording_isRefusedAndKeepsTheStoredRecord() {
    Versioned<GroupRecord> before = stored();
    Session unrecorded = before.value().sessions().get(2).withRecording(Optional.empty());

    ConsentMissingException thrown =
        assertThrows(
            ConsentMissingException.class,
            () -> store.groups().store(withSession(before.value(), 2, unrecorded)));

    assertEquals(ImmutableList.of("L1", "m6", "m7", "m3", "m4", "m2"), thrown.missingConsent());
    assertTrue(thrown.getMessage().contains("it has no recording"), thrown.getMessage());
    assertStillStored(before);
  }

  @Test
  public void replaceRecord_withContributionsMissingConsent_isRefusedAndKeepsTheStoredRecord() {
    Versioned<GroupRecord> before = stored();
    GroupRecord unconsented = withSession(before.value(), 0, withoutConsentOfTwo(before.value()));

    assertThrows(
        ConsentMissingException.class,
        () -> store.groups().replace(unconsented, ImmutableList.of(), before.version()));

    assertStillStored(before);
  }

  @Test
  public void storeRecord_withAttendanceAndTitlesButNoConsent_isStored() {
    GroupRecord record = richRecord(GROUP, 2);
    Session attendanceOnly =
        record.sessions().get(0).withContributions().withRecording(Optional.empty());
    GroupRecord kept = withSession(record, 0, attendanceOnly);

    long version = store.groups().store(kept);

    assertEquals(Optional.of(Versioned.of(kept, version)), store.groups().findRecord(GROUP));
  }

  @Test
  public void storeRecord_withAnIdentifierInACaseTitle_isRefusedWithoutQuotingIt() {
    GroupRecord record = richRecord(GROUP, 3);
    Session recorded = record.sessions().get(0);
    Session titled =
        recorded.withCases(
            recorded.cases().get(0),
            Case.builder()
                .presenter("m2")
                .title("The man from LS6 2AB who never sits down")
                .build());

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class,
            () -> store.groups().store(withSession(record, 0, titled)));

    assertEquals(
        "refusing to store session 2026-11-20 of group riverside: the title of case 1"
            + " holds what looks like a patient identifier ([POSTCODE]); remove it first, for example"
            + " with 'balint redact --document'",
        thrown.getMessage());
    assertEquals(Optional.empty(), store.groups().findRecord(GROUP));
  }

  @Test
  public void replaceRecord_withAnIdentifierInAContribution_isRefusedAndKeepsTheStoredRecord() {
    Versioned<GroupRecord> before = stored();
    Session recorded = before.value().sessions().get(0);
    Session said =
        recorded.withContributions(
            ImmutableList.<Contribution>builder()
                .addAll(recorded.contributions().subList(0, 3))
                .add(
                    recorded
                        .contributions()
                        .get(3)
                        .withText("Her NHS number is " + NHS_NUMBER + "."))
                .addAll(recorded.contributions().subList(4, recorded.contributions().size()))
                .build());

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class,
            () ->
                store
                    .groups()
                    .replace(withSession(before.value(), 0, said), List.of(), before.version()));

    assertTrue(
        thrown
            .getMessage()
            .contains(
                "contribution 3 holds what looks like a patient" + " identifier ([NHS-NUMBER])"),
        thrown.getMessage());
    assertFalse(thrown.getMessage().contains(NHS_NUMBER), thrown.getMessage());
    assertStillStored(before);
  }

  @Test
  public void storeRecord_withAnIdentifierInARosterName_isStored() {
    GroupRecord record = richRecord(GROUP, 4);
    GroupRecord named = record.withGroup(record.group().withName("Mrs Jane Smith's group"));

    long version = store.groups().store(named);

    assertEquals(Optional.of(Versioned.of(named, version)), store.groups().findRecord(GROUP));
  }

  @Test
  public void storeSession_withContributionsButNoRecording_isRefusedAndStoresNothing() {
    Versioned<GroupRecord> before = stored();
    Session unrecorded =
        session("2027-01-08", FIRST_START.plus(Duration.ofDays(49)), 3)
            .withRecording(Optional.empty());

    assertThrows(
        ConsentMissingException.class, () -> store.sessions().store(GROUP, unrecorded, List.of()));

    assertStillStored(before);
    assertEquals(Optional.empty(), store.sessions().find(GROUP, "2027-01-08"));
  }

  @Test
  public void storeSession_withoutContributionsOrRecording_isStored() {
    stored();
    Session attendance =
        session("2027-01-08", FIRST_START.plus(Duration.ofDays(49)), 0)
            .withRecording(Optional.empty());

    long version = store.sessions().store(GROUP, attendance, List.of());

    assertEquals(
        Optional.of(Versioned.of(attendance, version)), store.sessions().find(GROUP, "2027-01-08"));
  }

  @Test
  public void storeSession_withAnIdentifierInACaseTitle_isRefusedAndStoresNothing() {
    Versioned<GroupRecord> before = stored();
    Session session = session("2027-01-08", FIRST_START.plus(Duration.ofDays(49)), 2);
    Session titled =
        session.withCases(
            Case.builder().presenter("m1").title("Mrs Jane Smith and her list").build());

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class,
            () -> store.sessions().store(GROUP, titled, List.of()));

    assertTrue(thrown.getMessage().contains("[NAME]"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("Jane"), thrown.getMessage());
    assertStillStored(before);
  }

  @Test
  public void replaceSession_withContributionsMissingConsent_isRefusedAndKeepsTheSession() {
    Versioned<GroupRecord> before = stored();
    Versioned<Session> read = store.sessions().find(GROUP, "2026-11-20").orElseThrow();

    assertThrows(
        ConsentMissingException.class,
        () ->
            store
                .sessions()
                .replace(GROUP, withoutConsentOfTwo(before.value()), List.of(), read.version()));

    assertStillStored(before);
    assertEquals(Optional.of(read), store.sessions().find(GROUP, "2026-11-20"));
  }

  @Test
  public void replaceSession_withAnIdentifierInAContribution_isRefusedAndKeepsTheSession() {
    Versioned<GroupRecord> before = stored();
    Versioned<Session> read = store.sessions().find(GROUP, "2026-12-18.b").orElseThrow();
    Session said =
        read.value()
            .withContributions(
                read.value()
                    .contributions()
                    .get(0)
                    .withText("She lives at 14 Acacia Avenue, alone."));

    assertThrows(
        PatientIdentifierException.class,
        () -> store.sessions().replace(GROUP, said, List.of(), read.version()));

    assertStillStored(before);
  }

  @Test
  public void append_toASessionWithoutRecording_isRefusedAndAppendsNothing() {
    stored();
    Session attendance =
        session("2027-01-08", FIRST_START.plus(Duration.ofDays(49)), 0)
            .withRecording(Optional.empty());
    store.sessions().store(GROUP, attendance, List.of());
    Versioned<GroupRecord> before = store.groups().findRecord(GROUP).orElseThrow();

    ConsentMissingException thrown =
        assertThrows(
            ConsentMissingException.class,
            () -> store.sessions().append(GROUP, "2027-01-08", discussion("I felt shut out.")));

    assertEquals(ImmutableList.of("L1", "m1", "m2", "m6"), thrown.missingConsent());
    assertStillStored(before);
  }

  @Test
  public void append_withAnIdentifier_isRefusedAndAppendsNothing() {
    Versioned<GroupRecord> before = stored();

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class,
            () ->
                store
                    .sessions()
                    .append(
                        GROUP,
                        "2026-12-18.b",
                        discussion("She gave her DOB as 12/03/1961, I think.")));

    assertTrue(thrown.getMessage().contains("contribution 5 holds"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("1961"), thrown.getMessage());
    assertStillStored(before);
  }

  @Test
  public void append_toAConsentedSession_isStored() {
    stored();

    int index = store.sessions().append(GROUP, "2026-12-18.b", discussion("I felt shut out."));

    assertEquals(5, index);
  }

  private static Contribution discussion(String text) {
    return Contribution.builder().speaker("m6").phase(Phase.DISCUSSION).text(text).build();
  }
}
