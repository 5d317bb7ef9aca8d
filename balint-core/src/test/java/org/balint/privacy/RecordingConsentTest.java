package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class RecordingConsentTest {
  private static final Instant END = Instant.parse("2026-11-20T19:30:00Z");

  @Test
  void missingConsent_everyonePresentConsented_isEmpty() {
    Session session =
        Records.session(
            "s1",
            END,
            Optional.of(
                Records.recording(RecordingPurpose.RESEARCH, "m2", "L1", "m1", "absent-guest")));
    assertEquals(ImmutableList.of(), RecordingConsent.missingConsent(session));
    assertTrue(RecordingConsent.mayKeepContributions(session));
    assertFalse(RecordingConsent.holdsUnconsentedContributions(session));
  }

  @Test
  void missingConsent_someoneDidNotConsent_namesThemInPresentOrder() {
    Session session =
        Records.session(
            "s1", END, Optional.of(Records.recording(RecordingPurpose.LEADER_SUPERVISION, "m1")));
    assertEquals(ImmutableList.of("L1", "m2"), RecordingConsent.missingConsent(session));
    assertFalse(RecordingConsent.mayKeepContributions(session));
    assertTrue(RecordingConsent.holdsUnconsentedContributions(session));
  }

  @Test
  void missingConsent_noRecording_isEveryonePresent() {
    Session session = Records.session("s1", END, Optional.empty());
    assertEquals(session.present(), RecordingConsent.missingConsent(session));
    assertFalse(RecordingConsent.mayKeepContributions(session));
  }

  @Test
  void holdsUnconsentedContributions_attendanceAndTitlesOnly_isFine() {
    Session attendanceOnly =
        Withholding.withoutContributions(Records.session("s1", END, Optional.empty()));
    assertFalse(RecordingConsent.holdsUnconsentedContributions(attendanceOnly));
  }
}
