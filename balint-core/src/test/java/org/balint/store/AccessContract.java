package org.balint.store;

import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.violationsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.privacy.AccessRole;
import org.balint.privacy.Caller;
import org.balint.privacy.DataKind;
import org.balint.privacy.MatrixAccessPolicy;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every store's reads give a caller under the standard access policy: every pair of role and
 * kind of data is read through the store and checked, and each role's whole view is compared with
 * the one written out by hand.
 *
 * <p>The record is the rich fixture: {@code 2026-11-20} recorded for research with everyone's
 * consent, {@code 2026-12-04} with attendance only, {@code 2026-12-18.b} recorded for a leader's
 * supervision.
 */
public abstract class AccessContract extends StoreContract {
  private static final String GROUP = "riverside";
  private static final String RESEARCH = "2026-11-20";
  private static final String SUPERVISION = "2026-12-18.b";

  private GroupRecord record;

  @BeforeEach
  final void storeRecord() {
    record = richRecord(GROUP, 1);
    store.groups().store(record, violationsOf(record));
  }

  private static Caller caller(AccessRole role) {
    Caller.Builder caller = Caller.builder().id("u-" + role);
    switch (role) {
      case MEMBER:
        return caller.addMemberOf(GROUP).build();
      case LEADER:
        return caller.addLeaderOf(GROUP).build();
      default:
        return caller.addPlatformRoles(role).build();
    }
  }

  private Session stored(String sessionId) {
    return record.session(sessionId).orElseThrow();
  }

  /** Whether a kind of the group's data reaches the caller, read through the store. */
  private boolean sees(AccessControlledReader reader, DataKind kind) {
    Optional<Session> supervision = reader.find(GROUP, SUPERVISION).map(Versioned::value);
    Optional<Session> research = reader.find(GROUP, RESEARCH).map(Versioned::value);
    switch (kind) {
      case ROSTER:
        return reader.findGroup(GROUP).map(g -> g.value().equals(record.group())).orElse(false);
      case ATTENDANCE:
        return supervision
            .map(s -> s.present().equals(stored(SUPERVISION).present()))
            .orElse(false);
      case TRAINING_RECORDS:
        return reader.attendance(GROUP, "m6").equals(store.sessions().attendance(GROUP, "m6"));
      case SESSION_METADATA:
        return supervision.map(s -> s.recording().isPresent()).orElse(false)
            && research
                .map(s -> s.extensions().equals(stored(RESEARCH).extensions()))
                .orElse(false);
      case CASE_TITLES:
        return supervision.map(s -> s.cases().equals(stored(SUPERVISION).cases())).orElse(false);
      case CONTRIBUTIONS:
        return supervision
            .map(s -> s.contributions().equals(stored(SUPERVISION).contributions()))
            .orElse(false);
      case RESEARCH_EXPORT:
        return research.map(s -> texts(s).equals(texts(stored(RESEARCH)))).orElse(false);
      default:
        throw new AssertionError(kind);
    }
  }

  private static ImmutableList<String> texts(Session session) {
    return session.contributions().stream()
        .map(Contribution::text)
        .collect(ImmutableList.toImmutableList());
  }

  @ParameterizedTest(name = "{0} sees {1}: {2}")
  @CsvSource({
    "MEMBER, ROSTER, true",
    "MEMBER, ATTENDANCE, true",
    "MEMBER, TRAINING_RECORDS, true",
    "MEMBER, SESSION_METADATA, true",
    "MEMBER, CASE_TITLES, true",
    "MEMBER, CONTRIBUTIONS, true",
    "MEMBER, RESEARCH_EXPORT, true",
    "LEADER, ROSTER, true",
    "LEADER, ATTENDANCE, true",
    "LEADER, TRAINING_RECORDS, true",
    "LEADER, SESSION_METADATA, true",
    "LEADER, CASE_TITLES, true",
    "LEADER, CONTRIBUTIONS, true",
    "LEADER, RESEARCH_EXPORT, true",
    "ADMINISTRATOR, ROSTER, true",
    "ADMINISTRATOR, ATTENDANCE, true",
    "ADMINISTRATOR, TRAINING_RECORDS, true",
    "ADMINISTRATOR, SESSION_METADATA, true",
    "ADMINISTRATOR, CASE_TITLES, false",
    "ADMINISTRATOR, CONTRIBUTIONS, false",
    "ADMINISTRATOR, RESEARCH_EXPORT, false",
    "RESEARCHER, ROSTER, false",
    "RESEARCHER, ATTENDANCE, false",
    "RESEARCHER, TRAINING_RECORDS, false",
    "RESEARCHER, SESSION_METADATA, false",
    "RESEARCHER, CASE_TITLES, false",
    "RESEARCHER, CONTRIBUTIONS, false",
    "RESEARCHER, RESEARCH_EXPORT, true"
  })
  public void readAs_eachRoleAndKind_showsTheKindExactlyWhenTheStandardPolicyAllows(
      AccessRole role, DataKind kind, boolean visible) {
    assertEquals(visible, sees(store.readAs(caller(role)), kind));
  }

  @Test
  public void readAs_memberOrLeader_seesTheWholeRecord() {
    for (AccessRole role : ImmutableList.of(AccessRole.MEMBER, AccessRole.LEADER)) {
      AccessControlledReader reader = store.readAs(caller(role));

      assertEquals(store.groups().findRecord(GROUP), reader.findRecord(GROUP));
      assertEquals(violationsOf(record), reader.violations(GROUP));
      assertEquals(ImmutableList.of(GROUP), reader.groupIds());
    }
  }

  @Test
  public void readAs_administrator_seesAttendanceAndMetadataButNoTitlesOrTranscripts() {
    AccessControlledReader reader = store.readAs(caller(AccessRole.ADMINISTRATOR));

    GroupRecord expected =
        GroupRecord.builder()
            .group(record.group())
            .sessions(
                record.sessions().stream()
                    .map(
                        s ->
                            s.withContributions()
                                .withCases(
                                    s.cases().stream()
                                        .map(
                                            c ->
                                                Case.builder()
                                                    .presenter(c.presenter())
                                                    .title("[CASE-TITLE]")
                                                    .build())
                                        .collect(ImmutableList.toImmutableList())))
                    .collect(ImmutableList.toImmutableList()))
            .build();
    assertEquals(expected, reader.findRecord(GROUP).orElseThrow().value());
    assertEquals(
        expected.sessions(),
        reader.sessions(GROUP, Instant.MIN, Instant.MAX, PageRequest.first(10)).items());
    assertEquals(
        ImmutableList.of(
            violationsOf(record).get(0), violationsOf(record).get(2), violationsOf(record).get(3)),
        reader.violations(GROUP));
  }

  @Test
  public void readAs_researcher_seesOnlyTheRedactedResearchSessionWithoutNames() {
    AccessControlledReader reader = store.readAs(caller(AccessRole.RESEARCHER));

    Session research = stored(RESEARCH);
    Session expectedSession =
        research
            .withExtensions(Optional.empty())
            .withCases(
                research.cases().stream()
                    .map(c -> c.withExtensions(Optional.empty()))
                    .collect(ImmutableList.toImmutableList()))
            .withContributions(
                research.contributions().stream()
                    .map(c -> c.withExtensions(Optional.empty()))
                    .collect(ImmutableList.toImmutableList()));
    // The roster of richRecord(GROUP, 1), written out: names withheld, extensions dropped.
    Group anonymous =
        Group.builder()
            .id(GROUP)
            .name("Riverside GP Balint group — «1»")
            .addLeader(
                Leader.builder()
                    .id("L1")
                    .name("[NAME]")
                    .profession(Profession.GP)
                    .training(LeaderTraining.ACCREDITED)
                    .build())
            .addLeader(
                Leader.builder()
                    .id("L2")
                    .name("[NAME]")
                    .profession(Profession.PSYCHIATRIST)
                    .training(LeaderTraining.IN_TRAINING)
                    .left(LocalDate.of(2031, 1, 1))
                    .build())
            .addMember(anonymousMember("m1", Profession.PSYCHIATRIST).build())
            .addMember(
                anonymousMember("m2", Profession.PSYCHIATRY_TRAINEE)
                    .joined(LocalDate.of(2024, 9, 2))
                    .build())
            .addMember(anonymousMember("m3", Profession.PSYCHOTHERAPIST).build())
            .addMember(anonymousMember("m4", Profession.NURSE).build())
            .addMember(anonymousMember("m5", Profession.MEDICAL_STUDENT).build())
            .addMember(anonymousMember("m6", Profession.OTHER_CLINICIAN).build())
            .addMember(anonymousMember("m7", Profession.OTHER).build())
            .addMember(
                anonymousMember("m8", Profession.GP)
                    .joined(LocalDate.of(1999, 12, 31))
                    .left(LocalDate.of(2026, 6, 30))
                    .build())
            .addMember(anonymousMember("m9", Profession.GP_TRAINEE).build())
            .build();
    assertEquals(
        GroupRecord.builder().group(anonymous).addSession(expectedSession).build(),
        reader.findRecord(GROUP).orElseThrow().value());
    Page<Session> page = reader.sessions(GROUP, Instant.MIN, Instant.MAX, PageRequest.first(10));
    assertEquals(ImmutableList.of(expectedSession), page.items());
    assertEquals(1, page.total());
    assertEquals(Optional.empty(), reader.find(GROUP, "2026-12-04"));
    assertEquals(ImmutableList.of(), reader.violations(GROUP));
  }

  private static Member.Builder anonymousMember(String id, Profession profession) {
    return Member.builder().id(id).name("[NAME]").profession(profession);
  }

  @Test
  public void readAs_someoneWithNoRoleInTheGroup_seesNothingOfIt() {
    AccessControlledReader reader =
        store.readAs(Caller.builder().id("stranger").addMemberOf("lakeside").build());

    assertEquals(ImmutableList.of(), reader.groupIds());
    assertEquals(Optional.empty(), reader.findRecord(GROUP));
    assertEquals(Optional.empty(), reader.findGroup(GROUP));
    assertEquals(Optional.empty(), reader.find(GROUP, RESEARCH));
    assertEquals(0, reader.sessions(GROUP, Instant.MIN, Instant.MAX, PageRequest.first(5)).total());
    assertEquals(ImmutableList.of(), reader.attendance(GROUP, "m1"));
    assertEquals(ImmutableList.of(), reader.violations(GROUP));
  }

  @Test
  public void readAs_withAPlatformsOwnPolicy_appliesIt() {
    MatrixAccessPolicy noAttendanceForAdministrators =
        MatrixAccessPolicy.standard().toBuilder()
            .deny(AccessRole.ADMINISTRATOR, DataKind.ATTENDANCE, DataKind.TRAINING_RECORDS)
            .build();
    AccessControlledReader reader =
        store.readAs(caller(AccessRole.ADMINISTRATOR), noAttendanceForAdministrators);

    Session supervision = reader.find(GROUP, SUPERVISION).orElseThrow().value();

    assertEquals(ImmutableList.of(), supervision.present());
    assertEquals(ImmutableList.of(), supervision.recording().orElseThrow().consent());
    assertEquals(ImmutableList.of(), reader.attendance(GROUP, "m6"));
  }
}
