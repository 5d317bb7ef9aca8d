package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.method.Severity;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;

/**
 * Records for the store contract tests: every optional field filled and left out somewhere,
 * extensions at every level, text outside ASCII, and instants with nanoseconds.
 *
 * <p>A record is a pure function of its group id and a variant number, so that a test (or a process
 * killed mid-import) can build the expected record again.
 */
public final class StoreFixtures {
  /** A start with a sub-second part, the first session's. */
  public static final Instant FIRST_START = Instant.parse("2026-11-20T18:00:00.123456789Z");

  private static final String[] NAMES = {
    "Dr Zoë Ødegård",
    "Dr 李 明",
    "Dr Ana Reyes",
    "Dr Ben Ode",
    "Sr Siân Llŷr",
    "Dr Ülkü Şahin",
    "Dr Chidi 🌿 Okafor",
    "Dr Åsa Nyström",
    "Dr José María",
    "Dr O'Neil \"Ned\" Brown"
  };

  private StoreFixtures() {}

  /**
   * A group of two co-leaders and nine members, one with extensions.
   *
   * @param groupId the group's id
   * @param variant varies the names
   * @return the group
   */
  public static Group group(String groupId, int variant) {
    Group.Builder group =
        Group.builder()
            .id(groupId)
            .name("Riverside GP Balint group — «" + variant + "»")
            .addLeader(
                Leader.builder()
                    .id("L1")
                    .name(NAMES[variant % NAMES.length])
                    .profession(Profession.GP)
                    .training(LeaderTraining.ACCREDITED)
                    .extensions(Extensions.ofJson("{\"society\":\"UK\",\"since\":2011}"))
                    .build())
            .addLeader(
                Leader.builder()
                    .id("L2")
                    .name("Dr Co Leader")
                    .profession(Profession.PSYCHIATRIST)
                    .training(LeaderTraining.IN_TRAINING)
                    .left(LocalDate.of(2031, 1, 1))
                    .build())
            .extensions(
                Extensions.ofJson("{\"room\":\"Ünterhaus 2\",\"variant\":" + variant + "}"));
    for (int i = 1; i <= 9; i++) {
      Member.Builder member =
          Member.builder()
              .id("m" + i)
              .name(NAMES[(variant + i) % NAMES.length])
              .profession(Profession.values()[(variant + i) % Profession.values().length]);
      if (i == 3) {
        member.extensions(Extensions.ofJson("{\"cohort\":[1,2,3]}"));
      }
      if (i == 2) {
        member.joined(LocalDate.of(2024, 9, 2));
      }
      if (i == 8) {
        member.joined(LocalDate.of(1999, 12, 31)).left(LocalDate.of(2026, 6, 30));
      }
      group.addMember(member.build());
    }
    return group.build();
  }

  /**
   * A rich record of three sessions a fortnight apart: a recorded one with two cases, coded
   * contributions, extensions everywhere and sub-second times; an online one with no end, no
   * recording and no contributions; and one whose contributions have no times.
   *
   * @param groupId the group's id
   * @param variant varies names, texts and times; the variant is kept in the record's extensions
   * @return the record
   */
  public static GroupRecord richRecord(String groupId, int variant) {
    Instant start = FIRST_START.plusMillis(variant * 7L).plusNanos(variant);
    Session recorded =
        Session.builder()
            .id("2026-11-20")
            .start(start)
            .end(start.plus(Duration.ofMinutes(90)).plusNanos(1))
            .mode(SessionMode.IN_PERSON)
            .present(ImmutableList.of("L1", "m2", "m1", "m3", "m4"))
            .recording(
                Recording.builder()
                    .purpose(RecordingPurpose.RESEARCH)
                    .consent(ImmutableList.of("m3", "L1", "m1", "m2", "m4", "x9", "m5"))
                    .extensions(Extensions.ofJson("{\"form\":\"v2\"}"))
                    .build())
            .addCase(
                Case.builder()
                    .presenter("m1")
                    .title("The woman who always brings a list — ‘ça va’ " + variant)
                    .extensions(Extensions.ofJson("{\"tags\":[\"list\"]}"))
                    .build())
            .addCase(Case.builder().presenter("m2").title("The man who never sits down").build())
            .contributions(contributions(start, variant, 12, true))
            .extensions(Extensions.ofJson("{\"weather\":\"☔\"}"))
            .build();
    Session online =
        Session.builder()
            .id("2026-12-04")
            .start(start.plus(Duration.ofDays(14)))
            .mode(SessionMode.ONLINE)
            .present(ImmutableList.of("L2", "m5"))
            .build();
    Session untimed =
        Session.builder()
            .id("2026-12-18.b")
            .start(start.plus(Duration.ofDays(28)).plusNanos(999_999_999L - variant))
            .end(start.plus(Duration.ofDays(28)).plus(Duration.ofMinutes(80)))
            .present(ImmutableList.of("L1", "m6", "m7"))
            .recording(
                Recording.builder()
                    .purpose(RecordingPurpose.LEADER_SUPERVISION)
                    .consent(ImmutableList.of("L1", "m6", "m7", "m2", "m3", "m4", "m5"))
                    .build())
            .addCase(Case.builder().presenter("m6").title("Untitled").build())
            .contributions(contributions(start, variant, 5, false))
            .build();
    return GroupRecord.builder()
        .group(group(groupId, variant))
        .sessions(ImmutableList.of(recorded, online, untimed))
        .extensions(Extensions.ofJson("{\"exportedBy\":\"fixture\",\"variant\":" + variant + "}"))
        .build();
  }

  /**
   * A rich record with more sessions after its own three, for tests that need writes to take a
   * while (a process killed in the middle of one).
   *
   * @param groupId the group's id
   * @param variant varies the record, as for {@link #richRecord}
   * @param extraSessions how many weekly sessions to add
   * @param contributionsEach how many contributions each added session has
   * @return the record
   */
  public static GroupRecord largeRecord(
      String groupId, int variant, int extraSessions, int contributionsEach) {
    GroupRecord rich = richRecord(groupId, variant);
    GroupRecord.Builder record = GroupRecord.builder().from(rich);
    Instant after = rich.sessions().get(2).start();
    for (int week = 1; week <= extraSessions; week++) {
      record.addSession(
          session("w" + week, after.plus(Duration.ofDays(7L * week)), contributionsEach));
    }
    return record.build();
  }

  /**
   * Contributions through the phases of one or two cases.
   *
   * @param start the session's start
   * @param variant varies the texts
   * @param count how many
   * @param timedAndCoded whether they carry times, kinds, a second case and extensions
   * @return the contributions, in time order
   */
  public static ImmutableList<Contribution> contributions(
      Instant start, int variant, int count, boolean timedAndCoded) {
    Phase[] phases = Phase.values();
    List<Contribution> contributions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Contribution.Builder contribution =
          Contribution.builder()
              .speaker(i % 3 == 0 ? "L1" : "m" + (i % 4 + 2))
              .phase(phases[i * phases.length / count])
              .text("Beitrag " + i + " of «" + variant + "»: I felt — quite irritated. 😶 ‘ok’");
      if (timedAndCoded) {
        contribution
            .at(start.plusSeconds(60L * i).plusNanos(i * 1_001L))
            .caseIndex(i >= count / 2 ? 1 : 0);
        if (i % 2 == 0) {
          contribution.kind(ContributionKind.values()[i % ContributionKind.values().length]);
        }
        if (i % 5 == 1) {
          contribution.extensions(Extensions.ofJson("{\"coder\":\"A\",\"i\":" + i + "}"));
        }
      }
      contributions.add(contribution.build());
    }
    return ImmutableList.copyOf(contributions);
  }

  /**
   * A plain session with one case and some contributions, recorded for research with the consent of
   * everyone present and every speaker.
   *
   * @param id the session's id
   * @param start when it starts
   * @param contributions how many contributions
   * @return the session
   */
  public static Session session(String id, Instant start, int contributions) {
    return Session.builder()
        .id(id)
        .start(start)
        .end(start.plus(Duration.ofMinutes(90)))
        .present(ImmutableList.of("L1", "m1", "m2"))
        .recording(
            Recording.builder()
                .purpose(RecordingPurpose.RESEARCH)
                .consent(ImmutableList.of("L1", "m1", "m2", "m3", "m4", "m5"))
                .build())
        .addCase(Case.builder().presenter("m1").title("Case of " + id).build())
        .contributions(
            contributions(start, 0, contributions, true).stream()
                .map(c -> Contribution.builder().from(c).caseIndex(0).build())
                .collect(ImmutableList.toImmutableList()))
        .build();
  }

  /**
   * A violation of a rule in a session of a group.
   *
   * @param ruleId the rule's id
   * @param groupId the group's id
   * @param sessionId the session's id
   * @param contributionIndex the contribution's index, or -1 for none
   * @return the violation
   */
  public static Violation violation(
      String ruleId, String groupId, String sessionId, int contributionIndex) {
    Violation.Builder violation =
        Violation.builder()
            .ruleId(ruleId)
            .severity(Severity.ERROR)
            .message("rule " + ruleId + " broken in " + sessionId + " — «détail»")
            .groupId(groupId)
            .sessionId(sessionId);
    if (contributionIndex >= 0) {
      violation.contributionIndex(contributionIndex);
    }
    return violation.build();
  }

  /**
   * The violations stored with a rich record: one group rule and three session rules.
   *
   * @param record a record built by {@link #richRecord}
   * @return the violations
   */
  public static ImmutableList<Violation> violationsOf(GroupRecord record) {
    String groupId = record.group().id();
    return ImmutableList.of(
        Violation.builder()
            .ruleId("group.size")
            .severity(Severity.ERROR)
            .message("the group has 9 members")
            .groupId(groupId)
            .build(),
        violation("presenter.silence", groupId, "2026-11-20", 7),
        violation("session.case-count", groupId, "2026-11-20", -1),
        Violation.builder()
            .from(violation("session.duration", groupId, "2026-12-18.b", -1))
            .severity(Severity.WARNING)
            .build());
  }
}
