package org.balint.method;

import static org.balint.method.Fixtures.FEELINGS;
import static org.balint.method.Fixtures.leader;
import static org.balint.method.Fixtures.members;
import static org.balint.method.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.junit.jupiter.api.Test;

class GroupRulesTest {
  private static Group groupOf(int members, Leader... leaders) {
    return Group.builder()
        .id("riverside")
        .name("Riverside")
        .addLeaders(leaders)
        .addAllMembers(members(members))
        .build();
  }

  private static ImmutableList<Violation> check(Protocol protocol, Group group) {
    return protocol.validate(record(group), FEELINGS).violations();
  }

  private static ImmutableList<Violation> check(Group group) {
    return check(Protocols.standard(), group);
  }

  private static final Leader ACCREDITED = leader("L1", LeaderTraining.ACCREDITED);

  @Test
  void groupSize_eightAndTenMembers_pass() {
    assertEquals(ImmutableList.of(), check(groupOf(8, ACCREDITED)));
    assertEquals(ImmutableList.of(), check(groupOf(10, ACCREDITED)));
  }

  @Test
  void groupSize_sevenMembers_failsAsGroupError() {
    assertEquals(
        ImmutableList.of(
            Violation.builder()
                .ruleId("group.size")
                .severity(Severity.ERROR)
                .message("The group has 7 members; the method works best with 8 to 10.")
                .groupId("riverside")
                .build()),
        check(groupOf(7, ACCREDITED)));
  }

  @Test
  void groupSize_elevenMembers_fails() {
    ImmutableList<Violation> violations = check(groupOf(11, ACCREDITED));
    assertEquals(ImmutableList.of("group.size"), Fixtures.ruleIds(violations));
    assertEquals(Optional.empty(), violations.get(0).sessionId());
    assertEquals(OptionalInt.empty(), violations.get(0).contributionIndex());
  }

  @Test
  void groupSize_leadersAreNotCounted() {
    Group group = groupOf(7, ACCREDITED, leader("L2", LeaderTraining.TRAINED));
    assertEquals(ImmutableList.of("group.size"), Fixtures.ruleIds(check(group)));
  }

  @Test
  void groupSize_anyRosterInsideEachProtocolsBoundsPasses_andOutsideFails() {
    for (String name : Protocols.names()) {
      Protocol protocol = Protocols.byName(name).orElseThrow();
      int min = protocol.parameters().minMembers();
      int max = protocol.parameters().maxMembers();
      qt().withExamples(40)
          .forAll(integers().between(0, 25))
          .checkAssert(
              size -> {
                boolean fired =
                    check(protocol, groupOf(size, ACCREDITED)).stream()
                        .anyMatch(v -> v.ruleId().equals("group.size"));
                assertEquals(size < min || size > max, fired, name + " with " + size + " members");
              });
    }
  }

  @Test
  void groupLeadership_noLeader_fails() {
    ImmutableList<Violation> violations = check(groupOf(8));
    assertEquals(ImmutableList.of("group.leadership"), Fixtures.ruleIds(violations));
    assertEquals(Severity.ERROR, violations.get(0).severity());
  }

  @Test
  void groupLeadership_oneOrTwoLeaders_pass_threeFail() {
    Leader second = leader("L2", LeaderTraining.TRAINED);
    Leader third = leader("L3", LeaderTraining.TRAINED);
    assertEquals(ImmutableList.of(), check(groupOf(8, ACCREDITED, second)));
    ImmutableList<Violation> violations = check(groupOf(8, ACCREDITED, second, third));
    assertEquals(ImmutableList.of("group.leadership"), Fixtures.ruleIds(violations));
    assertEquals(
        "The group has 3 leaders; the method allows at most 2.", violations.get(0).message());
  }

  @Test
  void leaderTraining_untrainedLeader_warnsOncePerLeader() {
    ImmutableList<Violation> violations =
        check(groupOf(8, leader("L1", LeaderTraining.NONE), leader("L2", LeaderTraining.NONE)));
    assertEquals(
        ImmutableList.of("leader.training", "leader.training"), Fixtures.ruleIds(violations));
    assertTrue(violations.stream().allMatch(v -> v.severity() == Severity.WARNING));
    assertTrue(violations.get(0).message().contains("Dr L1"));
    assertTrue(violations.get(1).message().contains("Dr L2"));
  }

  @Test
  void leaderTraining_inTrainingWithTrainedOrAccreditedCoLeader_passes() {
    for (LeaderTraining co :
        new LeaderTraining[] {LeaderTraining.TRAINED, LeaderTraining.ACCREDITED}) {
      assertEquals(
          ImmutableList.of(),
          check(groupOf(8, leader("L1", LeaderTraining.IN_TRAINING), leader("L2", co))));
    }
  }

  @Test
  void leaderTraining_inTrainingAlone_orWithAnotherTrainee_warns() {
    assertEquals(
        ImmutableList.of("leader.training"),
        Fixtures.ruleIds(check(groupOf(8, leader("L1", LeaderTraining.IN_TRAINING)))));
    assertEquals(
        ImmutableList.of("leader.training", "leader.training"),
        Fixtures.ruleIds(
            check(
                groupOf(
                    8,
                    leader("L1", LeaderTraining.IN_TRAINING),
                    leader("L2", LeaderTraining.IN_TRAINING)))));
  }

  @Test
  void leaderTraining_inTrainingWithUntrainedCoLeader_warnsForBoth() {
    ImmutableList<Violation> violations =
        check(
            groupOf(
                8, leader("L1", LeaderTraining.IN_TRAINING), leader("L2", LeaderTraining.NONE)));
    assertEquals(
        ImmutableList.of("leader.training", "leader.training"), Fixtures.ruleIds(violations));
  }
}
