package org.balint.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a session and its cases refuse at construction, and how the refusal reads. */
class SessionChecksTest {
  private static final Contribution OPENING =
      Contribution.builder().speaker("L1").phase(Phase.OPENING).text("Who has a case?").build();

  @Test
  void build_contributionsWithoutCases_isRefusedSayingSo() {
    Session.Builder session =
        Session.builder()
            .id("s1")
            .start(Instant.parse("2026-11-20T18:00:00Z"))
            .addContribution(OPENING)
            .addContribution(OPENING);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, session::build);

    assertEquals(
        "session.cases must not be empty when the session has contributions (it has 2)",
        e.getMessage());
  }

  @Test
  void build_caseTitleOfMoreThan10000Characters_countsCharactersNotCodeUnits() {
    Case.Builder titled = Case.builder().presenter("m1").title("\uD83D\uDE00".repeat(10_001));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, titled::build);

    assertEquals("case.title must be at most 10000 characters, but has 10001", e.getMessage());
  }

  @Test
  void build_caseTitleOf10000CharactersOutsideTheBasicPlane_isAccepted() {
    String title = "\uD83D\uDE00".repeat(10_000);

    assertEquals(title, Case.builder().presenter("m1").title(title).build().title());
  }
}
