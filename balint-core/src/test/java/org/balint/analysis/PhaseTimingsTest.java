package org.balint.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class PhaseTimingsTest {
  private static final Instant START = Instant.parse("2026-11-20T18:00:00Z");

  private static Contribution at(int minute, Phase phase, int caseIndex) {
    return Contribution.builder()
        .at(START.plus(Duration.ofMinutes(minute)))
        .speaker("m1")
        .phase(phase)
        .caseIndex(caseIndex)
        .text("Something said.")
        .build();
  }

  private static Session.Builder session() {
    return Session.builder()
        .id("s1")
        .start(START)
        .addPresent("m1", "m2")
        .addCases(Case.builder().presenter("m1").title("A").build())
        .addCases(Case.builder().presenter("m2").title("B").build());
  }

  @Test
  void of_runsFromTheSessionStartToItsEnd() {
    Session session =
        session()
            .end(START.plus(Duration.ofMinutes(90)))
            .addContributions(
                at(2, Phase.OPENING, 0),
                at(4, Phase.PRESENTATION, 0),
                at(10, Phase.PRESENTATION, 0),
                at(20, Phase.DISCUSSION, 0),
                at(80, Phase.CLOSING, 0))
            .build();

    PhaseTimings timings = PhaseTimings.of(session);

    assertEquals(
        List.of(Phase.OPENING, Phase.PRESENTATION, Phase.DISCUSSION, Phase.CLOSING),
        timings.phases());
    assertEquals(Optional.of(Duration.ofMinutes(4)), timings.took(Phase.OPENING));
    assertEquals(Optional.of(Duration.ofMinutes(16)), timings.took(Phase.PRESENTATION));
    assertEquals(Optional.of(Duration.ofMinutes(60)), timings.took(Phase.DISCUSSION));
    assertEquals(Optional.of(Duration.ofMinutes(10)), timings.took(Phase.CLOSING));
    assertEquals(Optional.empty(), timings.took(Phase.QUESTIONS));
    assertEquals(0, timings.cases(Phase.QUESTIONS));
  }

  @Test
  void of_addsAPhaseOverCasesAndCountsThem() {
    Session session =
        session()
            .end(START.plus(Duration.ofMinutes(100)))
            .addContributions(
                at(0, Phase.PRESENTATION, 0),
                at(10, Phase.DISCUSSION, 0),
                at(40, Phase.PRESENTATION, 1),
                at(55, Phase.DISCUSSION, 1))
            .build();

    PhaseTimings timings = PhaseTimings.of(session);

    assertEquals(Optional.of(Duration.ofMinutes(25)), timings.took(Phase.PRESENTATION));
    assertEquals(Optional.of(Duration.ofMinutes(75)), timings.took(Phase.DISCUSSION));
    assertEquals(2, timings.cases(Phase.DISCUSSION));
  }

  @Test
  void of_leavesATimeUnknownWhereAnInstantIsMissing() {
    Session open =
        session()
            .addContributions(
                at(0, Phase.PRESENTATION, 0),
                Contribution.builder().speaker("m2").phase(Phase.QUESTIONS).text("Why?").build(),
                at(30, Phase.DISCUSSION, 0))
            .build();

    PhaseTimings timings = PhaseTimings.of(open);

    assertEquals(Optional.empty(), timings.took(Phase.PRESENTATION));
    assertEquals(Optional.empty(), timings.took(Phase.QUESTIONS));
    assertEquals(Optional.empty(), timings.took(Phase.DISCUSSION));
    assertEquals(1, timings.cases(Phase.QUESTIONS));
  }
}
