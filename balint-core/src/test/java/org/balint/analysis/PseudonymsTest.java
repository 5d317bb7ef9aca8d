package org.balint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  private static final Group GROUP =
      Group.builder()
          .id("g")
          .name("Riverside")
          .addLeaders(
              Leader.builder()
                  .id("L1")
                  .name("Dr Ana Reyes")
                  .profession(Profession.GP)
                  .training(LeaderTraining.ACCREDITED)
                  .build())
          .addMembers(
              Member.builder().id("m1").name("Dr Priya Nair").profession(Profession.GP).build(),
              Member.builder().id("m2").name("Nurse Jo Bell").profession(Profession.NURSE).build(),
              Member.builder().id("m3").name("Dr Priya Shah").profession(Profession.GP).build(),
              Member.builder()
                  .id("m4")
                  .name("Dr Zoë Ó Súilleabháin")
                  .profession(Profession.GP)
                  .build(),
              Member.builder().id("m5").name("Dr 李 小龙 J.").profession(Profession.GP).build())
          .build();

  private final Pseudonyms pseudonyms = Pseudonyms.of(GROUP);

  @Test
  void of_numbersLeadersAndMembersApartInRosterOrder() {
    assertEquals("Leader 1", pseudonyms.of("L1"));
    assertEquals("Member 1", pseudonyms.of("m1"));
    assertEquals("Member 4", pseudonyms.of("m4"));
    assertEquals("x9", pseudonyms.ofOrId("x9"));
    assertThrows(IllegalArgumentException.class, () -> pseudonyms.of("x9"));
  }

  @Test
  void replaceIn_fullNamesUntitledNamesAndParts() {
    assertEquals(
        "Member 1 and Member 2 spoke; Leader 1 asked Member 1's view.",
        pseudonyms.replaceIn("Dr Priya Nair and Jo Bell spoke; Reyes asked Nair's view."));
    assertEquals("Member 2, come back in.", pseudonyms.replaceIn("Jo, come back in."));
  }

  @Test
  void replaceIn_aSharedPartNamesNoOne() {
    assertEquals(
        Pseudonyms.SHARED_NAME + ", what struck you? Member 3?",
        pseudonyms.replaceIn("Priya, what struck you? Priya Shah?"));
  }

  @Test
  void replaceIn_wholeWordsOnlyCaseSensitiveAndBeyondAscii() {
    assertEquals("Ring the bell, Bellamy.", pseudonyms.replaceIn("Ring the bell, Bellamy."));
    assertEquals("Member 4 and Member 4.", pseudonyms.replaceIn("Zoë and Súilleabháin."));
    assertEquals("Member 5 and Member 5, J.", pseudonyms.replaceIn("李 and 小龙, J."));
    // A combining accent makes a different word, which is not a roster name.
    assertEquals("Zoe\u0301x", pseudonyms.replaceIn("Zoe\u0301x"));
  }
}
