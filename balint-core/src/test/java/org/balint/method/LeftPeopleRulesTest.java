package org.balint.method;

import static org.balint.method.Fixtures.FEELINGS;
import static org.balint.method.Fixtures.leader;
import static org.balint.method.Fixtures.members;
import static org.balint.method.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.junit.jupiter.api.Test;

/** {@code group.size} and {@code group.leadership} count only the people who have not left. */
class LeftPeopleRulesTest {
  private static final LocalDate LEFT = LocalDate.of(2025, 7, 14);

  private static List<Member> withLeavers(int current, int left) {
    List<Member> members = new ArrayList<>(members(current + left));
    for (int i = current; i < members.size(); i++) {
      members.set(i, members.get(i).withLeft(LEFT));
    }
    return members;
  }

  private static ImmutableList<String> ruleIds(Group group) {
    return Protocols.standard().validate(record(group), FEELINGS).violations().stream()
        .map(Violation::ruleId)
        .collect(ImmutableList.toImmutableList());
  }

  @Test
  void groupSize_countsOnlyMembersWhoHaveNotLeft() {
    qt().forAll(integers().between(0, 14), integers().between(0, 6))
        .checkAssert(
            (current, left) -> {
              Group group =
                  Group.builder()
                      .id("riverside")
                      .name("Riverside")
                      .addLeader(leader("L1", LeaderTraining.ACCREDITED))
                      .addAllMembers(withLeavers(current, left))
                      .build();
              boolean fires = current < 8 || current > 10;
              assertEquals(fires, ruleIds(group).contains("group.size"), current + "/" + left);
            });
  }

  @Test
  void groupSize_message_saysHowManyHaveLeft() {
    Group group =
        Group.builder()
            .id("riverside")
            .name("Riverside")
            .addLeader(leader("L1", LeaderTraining.ACCREDITED))
            .addAllMembers(withLeavers(7, 3))
            .build();
    Violation size = Protocols.standard().validate(record(group), FEELINGS).violations().get(0);
    assertEquals(
        "The group has 7 members (3 more have left); the method works best with 8 to 10.",
        size.message());
  }

  @Test
  void groupLeadership_onlyLeaderHasLeft_firesNoLeader() {
    Leader gone = leader("L1", LeaderTraining.ACCREDITED).withLeft(LEFT);
    Group group =
        Group.builder()
            .id("riverside")
            .name("Riverside")
            .addLeader(gone)
            .addAllMembers(members(9))
            .build();
    assertEquals(ImmutableList.of("group.leadership"), ruleIds(group));
  }

  @Test
  void groupLeadership_threeLeadersOneLeft_isFine() {
    Group group =
        Group.builder()
            .id("riverside")
            .name("Riverside")
            .addLeader(leader("L1", LeaderTraining.ACCREDITED))
            .addLeader(leader("L2", LeaderTraining.TRAINED))
            .addLeader(leader("L3", LeaderTraining.TRAINED).withLeft(LEFT))
            .addAllMembers(members(9))
            .build();
    assertEquals(ImmutableList.of(), ruleIds(group));
  }

  @Test
  void leaderTraining_coLeaderWhoLeft_noLongerCoversALeaderInTraining() {
    Group group =
        Group.builder()
            .id("riverside")
            .name("Riverside")
            .addLeader(leader("L1", LeaderTraining.IN_TRAINING))
            .addLeader(leader("L2", LeaderTraining.ACCREDITED).withLeft(LEFT))
            .addAllMembers(members(9))
            .build();
    assertEquals(ImmutableList.of("leader.training"), ruleIds(group));
  }
}
