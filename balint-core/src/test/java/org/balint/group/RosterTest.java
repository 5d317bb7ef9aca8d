package org.balint.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/** The people of a roster: required fields, and the dates they joined and left. */
class RosterTest {
  @Test
  void build_withoutAName_isRefusedNamingTheTypeAndTheField() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Member.builder().id("m1").profession(Profession.GP).build());

    assertTrue(e.getMessage().contains("Member"), e.getMessage());
    assertTrue(e.getMessage().contains("[name]"), e.getMessage());
  }

  @Test
  void build_ofEveryTypeWithoutItsRequiredFields_namesThem() {
    assertMissing("Leader", "[id, name, profession, training]", () -> Leader.builder().build());
    assertMissing("Group", "[id, name]", () -> Group.builder().build());
    assertMissing("Session", "[id, start]", () -> Session.builder().build());
    assertMissing("Case", "[presenter, title]", () -> Case.builder().build());
    assertMissing("Contribution", "[speaker, phase, text]", () -> Contribution.builder().build());
  }

  private static void assertMissing(String type, String fields, Runnable build) {
    IllegalStateException e = assertThrows(IllegalStateException.class, build::run);
    assertEquals(
        "Cannot build " + type + ", some of required attributes are not set " + fields,
        e.getMessage());
  }

  @Test
  void build_leftBeforeJoined_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Member.builder()
                    .id("m1")
                    .name("Dr Ben Ode")
                    .profession(Profession.GP)
                    .joined(LocalDate.of(2025, 9, 1))
                    .left(LocalDate.of(2025, 8, 31))
                    .build());
    assertEquals(
        "member.left must not be before member.joined (2025-09-01), but was 2025-08-31 for m1",
        e.getMessage());
  }

  @Test
  void build_leftOnTheDayJoined_isAccepted_andThePersonHasLeft() {
    Leader leader =
        Leader.builder()
            .id("L1")
            .name("Dr Ana Reyes")
            .profession(Profession.GP)
            .training(LeaderTraining.ACCREDITED)
            .joined(LocalDate.of(2025, 9, 1))
            .left(LocalDate.of(2025, 9, 1))
            .build();
    assertEquals(false, leader.isCurrent());
    Group group = Group.builder().id("g").name("G").addLeader(leader).build();
    assertEquals(0, group.currentLeaders().size());
    assertEquals(Optional.of(leader), group.person("L1"));
  }
}
