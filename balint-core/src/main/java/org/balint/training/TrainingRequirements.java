package org.balint.training;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/**
 * The training requirements the sources give. Each names its source; schemes change, so check the
 * current rules of the scheme before relying on one, and build your own where they differ.
 */
public final class TrainingRequirements {
  private TrainingRequirements() {}

  /**
   * UK psychiatry core training: a case-based discussion (Balint) group, weekly for a year or more,
   * commonly taken as 30 sessions as a member over at least a year.
   *
   * @return the requirement
   */
  public static TrainingRequirement ukPsychiatryCoreTraining() {
    return TrainingRequirement.builder()
        .name("uk-psychiatry-core")
        .description("30 case-based discussion group sessions as a member over at least a year")
        .source(
            "Royal College of Psychiatrists core training curriculum, as applied by regional training schools")
        .unit(CreditUnit.SESSIONS)
        .required(30)
        .addRoles(AttendanceRole.MEMBER, AttendanceRole.PRESENTER)
        .minimumSpan(Period.ofYears(1))
        .build();
  }

  /**
   * German psychosomatic basic care (Psychosomatische Grundversorgung): 30 hours of Balint group
   * work over at least six months; an online session counts for at most 90 minutes, and at least 15
   * hours must be in person.
   *
   * @return the requirement
   */
  public static TrainingRequirement germanPsychosomaticBasicCare() {
    return TrainingRequirement.builder()
        .name("de-psychosomatic-basic-care")
        .description(
            "30 hours of Balint group work over at least six months, at least 15 of them in person")
        .source(
            "Deutsche Balint-Gesellschaft; regional medical chambers' rules on online Balint groups")
        .unit(CreditUnit.HOURS)
        .required(30)
        .addRoles(AttendanceRole.MEMBER, AttendanceRole.PRESENTER)
        .minimumSpan(Period.ofMonths(6))
        .onlineCreditCap(Optional.of(Duration.ofMinutes(90)))
        .requiredInPerson(15)
        .build();
  }

  /**
   * The Balint Society's (UK) leader path, member experience: at least 20 sessions as a member.
   *
   * @return the requirement
   */
  public static TrainingRequirement ukLeaderMemberExperience() {
    return TrainingRequirement.builder()
        .name("uk-leader-member-experience")
        .description("at least 20 Balint group sessions as a member before leading")
        .source("The Balint Society, leadership: required experience and training programme")
        .unit(CreditUnit.SESSIONS)
        .required(20)
        .addRoles(AttendanceRole.MEMBER, AttendanceRole.PRESENTER)
        .build();
  }

  /**
   * The Balint Society's (UK) leader path, co-leading: at least 20 sessions as a leader or
   * co-leader.
   *
   * @return the requirement
   */
  public static TrainingRequirement ukLeaderCoLeading() {
    return TrainingRequirement.builder()
        .name("uk-leader-co-leading")
        .description("at least 20 Balint group sessions co-led")
        .source("The Balint Society, leadership: required experience and training programme")
        .unit(CreditUnit.SESSIONS)
        .required(20)
        .addRoles(AttendanceRole.LEADER)
        .build();
  }

  /**
   * Every requirement above.
   *
   * @return the requirements
   */
  public static ImmutableList<TrainingRequirement> all() {
    return ImmutableList.of(
        ukPsychiatryCoreTraining(),
        germanPsychosomaticBasicCare(),
        ukLeaderMemberExperience(),
        ukLeaderCoLeading());
  }
}
