package org.balint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ids: what is refused, and how the refusal shows the value. */
class IdsTest {
  @Test
  void check_wellFormed_returnsTheValue() {
    assertEquals("m-1.a_B", Ids.check("member.id", "m-1.a_B"));
  }

  @Test
  void check_malformed_namesTheFieldAndShowsTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ids.check("member.id", "m 2"));

    assertEquals(
        "member.id must be 1-64 characters of [A-Za-z0-9._-], but was \"m 2\"", e.getMessage());
  }

  @Test
  void check_lineBreaksAndControlCharacters_areShownAsEscapesOnOneLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Ids.check("speaker", "a\nb\r\u0000c\u2028"));

    assertEquals(
        "speaker must be 1-64 characters of [A-Za-z0-9._-], but was"
            + " \"a\\u000Ab\\u000D\\u0000c\\u2028\"",
        e.getMessage());
  }

  @Test
  void check_longValue_isCutAfter64Characters() {
    String sentence = "I felt quite irritated listening to her. ".repeat(100);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ids.check("speaker", sentence));

    assertEquals(
        "speaker must be 1-64 characters of [A-Za-z0-9._-], but was \""
            + sentence.substring(0, 64)
            + "...\"",
        e.getMessage());
  }

  @Test
  void check_longValueOfSurrogatePairs_isCutBetweenCharacters() {
    String faces = "\uD83D\uDE00".repeat(65);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ids.check("speaker", faces));

    assertEquals(
        "speaker must be 1-64 characters of [A-Za-z0-9._-], but was \""
            + "\uD83D\uDE00".repeat(64)
            + "...\"",
        e.getMessage());
  }
}
