package org.balint.store;

import static org.balint.store.StoreFixtures.FIRST_START;
import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.session;
import static org.balint.store.StoreFixtures.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * What every store's writes enforce beyond the case titles and contributions: consent covers the
 * speakers, every stored string is checked for identifiers (violation messages, extensions), and a
 * group's retention policy applies to what is written.
 */
public abstract class WriteGuardContract extends StoreContract {
  private static final String GROUP = "riverside";

  private Versioned<GroupRecord> stored() {
    GroupRecord record = richRecord(GROUP, 1);
    return Versioned.of(record, store.groups().store(record));
  }

  @Test
  public void storeSession_speakersWithNobodyPresentAndNoConsent_isRefused() {
    stored();
    Session session =
        session("2027-01-15", FIRST_START.plus(Duration.ofDays(56)), 3)
            .withPresent(ImmutableList.of())
            .withRecording(Recording.builder().purpose(RecordingPurpose.RESEARCH).build());

    ConsentMissingException thrown =
        assertThrows(
            ConsentMissingException.class, () -> store.sessions().store(GROUP, session, List.of()));

    assertEquals(ImmutableList.of("L1", "m3", "m4"), thrown.missingConsent());
    assertEquals(Optional.empty(), store.sessions().find(GROUP, "2027-01-15"));
  }

  @Test
  public void storeRecord_speakerLeftOutOfPresentAndConsent_isRefused() {
    GroupRecord record = richRecord(GROUP, 1);
    Session first = record.sessions().get(0);
    Session withoutM5 =
        first.withRecording(
            first
                .recording()
                .map(r -> r.withConsent(ImmutableList.of("m3", "L1", "m1", "m2", "m4"))));

    ConsentMissingException thrown =
        assertThrows(
            ConsentMissingException.class,
            () ->
                store
                    .groups()
                    .store(
                        record.withSessions(
                            ImmutableList.of(
                                withoutM5, record.sessions().get(1), record.sessions().get(2)))));

    assertEquals(ImmutableList.of("m5"), thrown.missingConsent());
    assertEquals(ImmutableList.of(), store.groups().groupIds());
  }

  @Test
  public void storeRecord_violationMessageWithAnIdentifier_isRefusedWithoutQuotingIt() {
    GroupRecord record = richRecord(GROUP, 1);
    Violation leaky =
        Violation.builder()
            .from(violation("session.case-count", GROUP, "2026-11-20", -1))
            .message("The case of Mrs Jane Smith was taken twice.")
            .build();

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class, () -> store.groups().store(record, List.of(leaky)));

    assertTrue(thrown.getMessage().contains("the message of violation 0"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("Smith"), thrown.getMessage());
    assertEquals(ImmutableList.of(), store.groups().groupIds());
  }

  @Test
  public void storeRecord_violationMessageNamingSomeoneOnTheRoster_isStored() {
    GroupRecord record = richRecord(GROUP, 1);
    String name = record.group().member("m1").orElseThrow().name();
    Violation named =
        Violation.builder()
            .from(violation("confidentiality.consent", GROUP, "2026-11-20", -1))
            .message(name + " was present but did not consent to the session being recorded.")
            .build();

    store.groups().store(record, List.of(named));

    assertEquals(ImmutableList.of(named), store.groups().violations(GROUP));
  }

  @Test
  public void storeSession_violationMessageWithAnIdentifier_isRefused() {
    stored();
    Session session = session("2027-01-15", FIRST_START.plus(Duration.ofDays(56)), 2);
    Violation leaky =
        Violation.builder()
            .from(violation("session.duration", GROUP, "2027-01-15", -1))
            .message("Call her on 020 7946 0958 to rearrange.")
            .build();

    assertThrows(
        PatientIdentifierException.class,
        () -> store.sessions().store(GROUP, session, List.of(leaky)));

    assertEquals(Optional.empty(), store.sessions().find(GROUP, "2027-01-15"));
  }

  @Test
  public void storeRecord_extensionWithAnIdentifier_isRefusedNamingWhere() {
    GroupRecord record = richRecord(GROUP, 1);
    Session first = record.sessions().get(0);
    Session tagged = first.withExtensions(Extensions.ofJson("{\"note\":\"born on 12/03/1961\"}"));

    PatientIdentifierException thrown =
        assertThrows(
            PatientIdentifierException.class,
            () ->
                store
                    .groups()
                    .store(
                        record.withSessions(
                            ImmutableList.of(
                                tagged, record.sessions().get(1), record.sessions().get(2)))));

    assertTrue(thrown.getMessage().contains("the extensions of the session"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("1961"), thrown.getMessage());
  }

  @Test
  public void append_contributionWhoseExtensionHoldsAnIdentifier_isRefused() {
    Versioned<GroupRecord> before = stored();
    Contribution tagged =
        Contribution.builder()
            .speaker("L1")
            .phase(Phase.CLOSING)
            .text("Thank you all.")
            .extensions(Extensions.ofJson("{\"email\":\"jane.smith@example.com\"}"))
            .build();

    assertThrows(
        PatientIdentifierException.class,
        () -> store.sessions().append(GROUP, "2026-12-18.b", tagged));

    assertEquals(Optional.of(before), store.groups().findRecord(GROUP));
  }

  private static final java.time.Instant LONG_AGO = java.time.Instant.parse("2020-01-10T18:00:00Z");

  @Test
  public void storeSession_underARetentionPolicy_keepsNothingAPurgeWouldDelete() {
    stored();
    store.groups().setRetention(GROUP, RetentionPolicy.contributionsForDays(30));
    Session old = session("2020-01-10", LONG_AGO, 3);

    store
        .sessions()
        .store(GROUP, old, List.of(violation("presenter.silence", GROUP, "2020-01-10", 1)));

    Session kept = store.sessions().find(GROUP, "2020-01-10").orElseThrow().value();
    assertEquals(ImmutableList.of(), kept.contributions());
    assertEquals(old.present(), kept.present());
    assertTrue(
        store.groups().violations(GROUP).stream()
            .filter(v -> v.sessionId().equals(Optional.of("2020-01-10")))
            .allMatch(v -> v.contributionIndex().isEmpty()));
    assertEquals(ImmutableList.of(), store.groups().duePurges(LONG_AGO.plus(Duration.ofDays(31))));
  }

  @Test
  public void append_toASessionDueForDeletion_isRefused() {
    stored();
    store.sessions().store(GROUP, session("2020-01-10", LONG_AGO, 0), List.of());
    store.groups().setRetention(GROUP, RetentionPolicy.contributionsForDays(30));
    Contribution late =
        Contribution.builder().speaker("L1").phase(Phase.CLOSING).text("One more thing.").build();

    assertThrows(
        ConfidentialityException.class, () -> store.sessions().append(GROUP, "2020-01-10", late));

    assertEquals(
        ImmutableList.of(),
        store.sessions().find(GROUP, "2020-01-10").orElseThrow().value().contributions());
  }
}
