package org.balint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  static Stream<Arguments> longValues() {
    String sentence = "I felt quite irritated listening to her. ".repeat(100);
    return Stream.of(
        Arguments.of(sentence, sentence.substring(0, 64)),
        Arguments.of("\uD83D\uDE00".repeat(65), "\uD83D\uDE00".repeat(64)));
  }

  @ParameterizedTest
  @MethodSource("longValues")
  void check_longValue_isCutAfter64CharactersNotCodeUnits(String value, String shown) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ids.check("speaker", value));

    assertEquals(
        "speaker must be 1-64 characters of [A-Za-z0-9._-], but was \"" + shown + "...\"",
        e.getMessage());
  }
}
