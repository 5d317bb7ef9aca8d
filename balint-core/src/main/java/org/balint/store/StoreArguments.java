package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * The argument checks every store applies before it writes, so that every implementation of the
 * repositories accepts and refuses the same input with the same message.
 */
public final class StoreArguments {
  private StoreArguments() {}

  /**
   * Checks that violations belong to a record: its group, one of its sessions (or none), and a
   * contribution of that session.
   *
   * @param record the record they are stored with
   * @param violations the violations
   * @throws IllegalArgumentException if one does not belong to the record
   */
  public static void checkViolations(GroupRecord record, List<Violation> violations) {
    for (int i = 0; i < violations.size(); i++) {
      Violation violation = violations.get(i);
      checkGroup(i, violation, record.group().id());
      Optional<Session> session = violation.sessionId().flatMap(record::session);
      checkArgument(
          violation.sessionId().isEmpty() || session.isPresent(),
          "violations[%s].sessionId must name a session of the record, but was %s",
          i,
          violation.sessionId().orElse(""));
      checkContribution(i, violation, session);
    }
  }

  /**
   * Checks that violations belong to one session of a group.
   *
   * @param groupId the group's id
   * @param session the session they are stored with
   * @param violations the violations
   * @throws IllegalArgumentException if one does not belong to the session
   */
  public static void checkViolations(String groupId, Session session, List<Violation> violations) {
    for (int i = 0; i < violations.size(); i++) {
      Violation violation = violations.get(i);
      checkGroup(i, violation, groupId);
      checkArgument(
          violation.sessionId().equals(Optional.of(session.id())),
          "violations[%s].sessionId must be the session's id %s, but was %s",
          i,
          session.id(),
          violation.sessionId().orElse("none"));
      checkContribution(i, violation, Optional.of(session));
    }
  }

  /**
   * Checks a time range.
   *
   * @param from the earliest instant, inclusive
   * @param to the latest instant, exclusive
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static void checkRange(Instant from, Instant to) {
    checkArgument(!to.isBefore(from), "to (%s) must not be before from (%s)", to, from);
  }

  /**
   * Builds a session with one more contribution, which checks the session's invariants.
   *
   * @param session the stored session
   * @param contribution the contribution to append
   * @return the session with the contribution last
   * @throws IllegalArgumentException if the result breaks a session's invariants
   */
  public static Session appended(Session session, Contribution contribution) {
    return Session.builder().from(session).addContribution(contribution).build();
  }

  /**
   * Names a group in messages, the same way in every store.
   *
   * @param groupId the group's id
   * @return {@code group GROUP}
   */
  public static String groupName(String groupId) {
    return "group " + groupId;
  }

  /**
   * Names a session in messages, the same way in every store.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @return {@code session SESSION of group GROUP}
   */
  public static String sessionName(String groupId, String sessionId) {
    return "session " + sessionId + " of group " + groupId;
  }

  private static void checkGroup(int index, Violation violation, String groupId) {
    checkArgument(
        violation.groupId().equals(groupId),
        "violations[%s].groupId must be %s, but was %s",
        index,
        groupId,
        violation.groupId());
  }

  private static void checkContribution(
      int index, Violation violation, Optional<Session> session) {
    if (violation.contributionIndex().isEmpty()) {
      return;
    }
    int contribution = violation.contributionIndex().getAsInt();
    int count = session.map(s -> s.contributions().size()).orElse(0);
    checkArgument(
        contribution >= 0 && contribution < count,
        "violations[%s].contributionIndex must name one of the session's %s contributions, but was"
            + " %s",
        index,
        count,
        contribution);
  }
}
