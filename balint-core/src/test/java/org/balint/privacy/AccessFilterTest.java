package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.balint.session.GroupRecord;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessFilterTest {
  /** The standard matrix, written out cell by cell as docs/privacy.md states it. */
  private static final ImmutableSetMultimap<AccessRole, DataKind> STANDARD =
      ImmutableSetMultimap.<AccessRole, DataKind>builder()
          .putAll(AccessRole.MEMBER, DataKind.values())
          .putAll(AccessRole.LEADER, DataKind.values())
          .putAll(
              AccessRole.ADMINISTRATOR,
              DataKind.ROSTER,
              DataKind.ATTENDANCE,
              DataKind.TRAINING_RECORDS,
              DataKind.SESSION_METADATA)
          .put(AccessRole.RESEARCHER, DataKind.RESEARCH_EXPORT)
          .build();

  private static final GroupRecord RECORD =
      Records.record(
          Records.session(
              "research",
              Instant.parse("2026-11-06T19:30:00Z"),
              Optional.of(Records.recording(RecordingPurpose.RESEARCH, "L1", "m1", "m2"))),
          Records.session(
              "supervision",
              Instant.parse("2026-11-20T19:30:00Z"),
              Optional.of(
                  Records.recording(RecordingPurpose.LEADER_SUPERVISION, "L1", "m1", "m2"))),
          Records.session(
              "research-without-consent",
              Instant.parse("2026-11-27T19:30:00Z"),
              Optional.of(Records.recording(RecordingPurpose.RESEARCH, "L1", "m1"))));

  private final AccessFilter filter = AccessFilter.of(AccessPolicy.standard());

  static Caller callerIn(AccessRole role) {
    Caller.Builder caller = Caller.builder().id("u1");
    switch (role) {
      case MEMBER -> caller.addMemberOf(Records.GROUP_ID);
      case LEADER -> caller.addLeaderOf(Records.GROUP_ID);
      default -> caller.addPlatformRole(role);
    }
    return caller.build();
  }

  static Stream<Arguments> everyRoleAndKind() {
    return Stream.of(AccessRole.values())
        .flatMap(role -> Stream.of(DataKind.values()).map(kind -> Arguments.of(role, kind)));
  }

  @ParameterizedTest
  @MethodSource("everyRoleAndKind")
  void visibleTo_eachRoleAndKind_followsTheStandardMatrix(AccessRole role, DataKind kind) {
    boolean expected = STANDARD.containsEntry(role, kind);
    Caller caller = callerIn(role);
    assertEquals(expected, AccessPolicy.standard().permits(caller, Records.GROUP_ID, kind));
    assertEquals(expected, MatrixAccessPolicy.standard().allows(role, kind));
    if (kind != DataKind.TRAINING_RECORDS) {
      Optional<GroupRecord> visible = filter.visibleTo(caller, RECORD);
      assertEquals(expected, shows(kind, visible), () -> role + " / " + kind + ": " + visible);
    }
  }

  /** Whether a filtered record shows a kind of data, judged on the fixture record. */
  private static boolean shows(DataKind kind, Optional<GroupRecord> visible) {
    if (visible.isEmpty()) {
      return false;
    }
    GroupRecord record = visible.get();
    Optional<Session> supervision = record.session("supervision");
    return switch (kind) {
      case ROSTER -> record.group().equals(RECORD.group());
      case ATTENDANCE -> supervision.map(s -> !s.present().isEmpty()).orElse(false);
      case SESSION_METADATA -> supervision.map(s -> s.recording().isPresent()).orElse(false);
      case CASE_TITLES ->
          record.sessions().stream().anyMatch(s -> s.cases().get(0).title().equals(Records.TITLE));
      case CONTRIBUTIONS ->
          record.sessions().stream()
              .anyMatch(
                  s -> s.contributions().stream().anyMatch(c -> c.text().equals(Records.TEXT)));
      case RESEARCH_EXPORT ->
          record.session("research").map(s -> !s.contributions().isEmpty()).orElse(false);
      case TRAINING_RECORDS -> throw new AssertionError("training records are not in a record");
    };
  }

  @Test
  void visibleTo_researcher_seesOnlyRedactedConsentedResearchSessions() {
    GroupRecord visible = filter.visibleTo(callerIn(AccessRole.RESEARCHER), RECORD).orElseThrow();
    assertEquals(
        ImmutableList.of("research"),
        visible.sessions().stream().map(Session::id).collect(ImmutableList.toImmutableList()));
    Session research = visible.sessions().get(0);
    assertEquals("[NAME] and her list", research.cases().get(0).title());
    assertEquals(
        "She lives at [ADDRESS] and rings me on [PHONE].", research.contributions().get(1).text());
    assertEquals(RECORD.session("research").orElseThrow().present(), research.present());
    assertTrue(visible.group().members().stream().allMatch(m -> m.name().equals("[NAME]")));
    assertEquals(
        RECORD.group().members().get(0).profession(),
        visible.group().members().get(0).profession());
  }

  @Test
  void visibleTo_administrator_seesAttendanceButNoTitlesOrContributions() {
    GroupRecord visible =
        filter.visibleTo(callerIn(AccessRole.ADMINISTRATOR), RECORD).orElseThrow();
    assertEquals(RECORD.sessions().size(), visible.sessions().size());
    for (Session session : visible.sessions()) {
      assertTrue(session.contributions().isEmpty(), session.id());
      assertEquals(Withholding.CASE_TITLE_PLACEHOLDER, session.cases().get(0).title());
      assertEquals(RECORD.session(session.id()).orElseThrow().present(), session.present());
    }
  }

  @Test
  void visibleTo_memberOfAnotherGroup_seesNothing() {
    Caller stranger = Caller.builder().id("u2").addMemberOf("elsewhere").build();
    assertEquals(Optional.empty(), filter.visibleTo(stranger, RECORD));
    assertEquals(ImmutableSet.of(), AccessPolicy.standard().permitted(stranger, Records.GROUP_ID));
  }

  @Test
  void visibleTo_member_seesTheRecordUnchanged() {
    assertEquals(Optional.of(RECORD), filter.visibleTo(callerIn(AccessRole.MEMBER), RECORD));
  }

  @Test
  void visibleTo_researcherWhoIsAlsoAMember_seesAsAMember() {
    Caller both =
        Caller.builder()
            .id("u3")
            .addMemberOf(Records.GROUP_ID)
            .addPlatformRole(AccessRole.RESEARCHER)
            .build();
    assertEquals(Optional.of(RECORD), filter.visibleTo(both, RECORD));
  }

  @Test
  void visibleTo_customMatrix_isApplied() {
    MatrixAccessPolicy stricter =
        MatrixAccessPolicy.standard().toBuilder()
            .deny(AccessRole.MEMBER, DataKind.CONTRIBUTIONS, DataKind.RESEARCH_EXPORT)
            .build();
    GroupRecord visible =
        AccessFilter.of(stricter).visibleTo(callerIn(AccessRole.MEMBER), RECORD).orElseThrow();
    assertTrue(visible.sessions().stream().allMatch(s -> s.contributions().isEmpty()));
    assertTrue(
        visible.sessions().stream().allMatch(s -> s.cases().get(0).title().equals(Records.TITLE)));
    assertFalse(stricter.allows(AccessRole.MEMBER, DataKind.CONTRIBUTIONS));
    assertTrue(stricter.allows(AccessRole.LEADER, DataKind.CONTRIBUTIONS));
  }

  @Test
  void caller_groupRoleAsPlatformRole_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Caller.builder().id("u1").addPlatformRole(AccessRole.MEMBER).build());
    assertThrows(IllegalArgumentException.class, () -> Caller.builder().id(" ").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Caller.builder().id("u1").addMemberOf("not an id").build());
  }

  @Test
  void rolesIn_combinesGroupAndPlatformRoles() {
    Caller caller =
        Caller.builder()
            .id("u1")
            .addLeaderOf("g1")
            .addMemberOf("g2")
            .addPlatformRole(AccessRole.ADMINISTRATOR)
            .build();
    assertEquals(
        ImmutableSet.of(AccessRole.LEADER, AccessRole.ADMINISTRATOR), caller.rolesIn("g1"));
    assertEquals(
        ImmutableSet.of(AccessRole.MEMBER, AccessRole.ADMINISTRATOR), caller.rolesIn("g2"));
    assertEquals(ImmutableSet.of(AccessRole.ADMINISTRATOR), caller.rolesIn("g3"));
  }
}
