package org.balint.privacy;

import java.time.Instant;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;

/** Small group records for the privacy tests. */
final class Records {
  static final String GROUP_ID = "riverside";
  static final String TITLE = "Mrs Jane Smith and her list";
  static final String TEXT = "She lives at 14 Acacia Avenue and rings me on 07700 900123.";

  private Records() {}

  static Group group() {
    return Group.builder()
        .id(GROUP_ID)
        .name("Riverside GP Balint group")
        .addLeader(
            Leader.builder()
                .id("L1")
                .name("Dr Ana Reyes")
                .profession(Profession.GP)
                .training(LeaderTraining.ACCREDITED)
                .build())
        .addMember(
            Member.builder().id("m1").name("Dr Ben Ode").profession(Profession.GP_TRAINEE).build())
        .addMember(Member.builder().id("m2").name("Dr Cy Dee").profession(Profession.GP).build())
        .build();
  }

  /** A session that ended at {@code end}, with one case and two contributions. */
  static Session session(String id, Instant end, Optional<Recording> recording) {
    return Session.builder()
        .id(id)
        .start(end.minusSeconds(90 * 60))
        .end(end)
        .addPresent("L1", "m1", "m2")
        .recording(recording)
        .addCase(Case.builder().presenter("m1").title(TITLE).build())
        .addContribution(
            Contribution.builder()
                .speaker("L1")
                .phase(Phase.OPENING)
                .text("Who has a case?")
                .build())
        .addContribution(
            Contribution.builder().speaker("m1").phase(Phase.PRESENTATION).text(TEXT).build())
        .build();
  }

  static Recording recording(RecordingPurpose purpose, String... consent) {
    return Recording.builder().purpose(purpose).addConsent(consent).build();
  }

  static GroupRecord record(Session... sessions) {
    return GroupRecord.builder().group(group()).addSessions(sessions).build();
  }
}
