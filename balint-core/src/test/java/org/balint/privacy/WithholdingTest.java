package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class WithholdingTest {
  private static final Session SESSION =
      Records.session("s1", Instant.parse("2026-11-20T19:30:00Z"), Optional.empty());

  @Test
  void withoutCaseTitles_keepsPresentersAndDropsTitlesAndExtensions() {
    Session withExtension =
        SESSION.withCases(SESSION.cases().get(0).withExtensions(Extensions.ofJson("{\"x\":1}")));
    Session withheld = Withholding.withoutCaseTitles(withExtension);
    assertEquals(1, withheld.cases().size());
    assertEquals("m1", withheld.cases().get(0).presenter());
    assertTrue(Withholding.isWithheld(withheld.cases().get(0).title()));
    assertEquals(Optional.empty(), withheld.cases().get(0).extensions());
    assertEquals(SESSION.contributions(), withheld.contributions());
  }

  @Test
  void withoutContributions_keepsAttendanceAndCases() {
    Session withheld = Withholding.withoutContributions(SESSION);
    assertEquals(ImmutableList.of(), withheld.contributions());
    assertEquals(SESSION.present(), withheld.present());
    assertEquals(SESSION.cases(), withheld.cases());
  }

  @Test
  void isWithheld_realTitle_isFalse() {
    assertFalse(Withholding.isWithheld(Records.TITLE));
  }
}
