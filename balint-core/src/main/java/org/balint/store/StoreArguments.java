package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.balint.method.Violation;
import org.balint.privacy.Identifier;
import org.balint.privacy.IdentifierDetector;
import org.balint.privacy.RecordingConsent;
import org.balint.privacy.RetentionPurge;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * The argument checks every store applies before it writes, so that every implementation of the
 * repositories accepts and refuses the same input with the same message.
 */
public final class StoreArguments {
  private static final IdentifierDetector DETECTOR = IdentifierDetector.standard();

  private StoreArguments() {}

  /**
   * Checks that a record may be kept: every session with contributions has everyone's recorded
   * consent, and no case title or contribution holds a patient identifier (roster names are not
   * scanned).
   *
   * @param record the record to store
   * @throws ConsentMissingException if a session's contributions lack someone's consent
   * @throws PatientIdentifierException if a case title or contribution holds an identifier
   */
  public static void checkConfidential(GroupRecord record) {
    checkNotNull(record, "record must not be null");
    for (Session session : record.sessions()) {
      checkConfidential(record.group().id(), session);
    }
  }

  /**
   * Checks that a session may be kept, as {@link #checkConfidential(GroupRecord)} does for each
   * session of a record.
   *
   * @param groupId the group's id
   * @param session the session to store
   * @throws ConsentMissingException if its contributions lack someone's consent
   * @throws PatientIdentifierException if a case title or contribution holds an identifier
   */
  public static void checkConfidential(String groupId, Session session) {
    checkNotNull(session, "session must not be null");
    checkConsent(groupId, session);
    for (int k = 0; k < session.cases().size(); k++) {
      checkNoIdentifier(groupId, session, "the title of case " + k, session.cases().get(k).title());
    }
    for (int i = 0; i < session.contributions().size(); i++) {
      checkNoIdentifier(groupId, session, "contribution " + i, session.contributions().get(i).text());
    }
  }

  /**
   * Checks that a contribution may be appended: the session has everyone's consent, and the
   * contribution holds no patient identifier. The session's earlier contributions were checked
   * when they were stored.
   *
   * @param groupId the group's id
   * @param appended the session with the contribution last, as {@link #appended} builds it
   * @throws ConsentMissingException if the session lacks someone's consent
   * @throws PatientIdentifierException if the contribution holds an identifier
   */
  public static void checkAppendable(String groupId, Session appended) {
    checkConsent(groupId, appended);
    int last = appended.contributions().size() - 1;
    checkNoIdentifier(
        groupId, appended, "contribution " + last, appended.contributions().get(last).text());
  }

  private static void checkConsent(String groupId, Session session) {
    if (RecordingConsent.holdsUnconsentedContributions(session)) {
      throw new ConsentMissingException(
          sessionName(groupId, session.id()),
          session.recording().isPresent(),
          RecordingConsent.missingConsent(session));
    }
  }

  private static void checkNoIdentifier(String groupId, Session session, String where, String text) {
    ImmutableList<Identifier> found = DETECTOR.detect(text);
    if (!found.isEmpty()) {
      throw new PatientIdentifierException(
          sessionName(groupId, session.id()),
          where,
          found.stream()
              .map(identifier -> identifier.type().placeholder())
              .distinct()
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * The sessions a retention purge changes, whose versions it raises.
   *
   * @param purge what the purge deletes
   * @return the ids of the sessions that lose contributions or case titles, each once
   */
  public static ImmutableSet<String> changedByPurge(RetentionPurge purge) {
    return ImmutableSet.<String>builder()
        .addAll(purge.contributionsPurged())
        .addAll(purge.caseTitlesPurged())
        .build();
  }

  /**
   * The violations stored with a record once a retention purge has deleted contributions: a
   * violation about a deleted contribution stays, as a fact about its session, without its
   * contribution index.
   *
   * @param violations the violations stored with the record
   * @param purge what the purge deleted
   * @return the violations to store with the purged record, in the same order
   */
  public static ImmutableList<Violation> afterPurge(
      List<Violation> violations, RetentionPurge purge) {
    Set<String> purged = new HashSet<>(purge.contributionsPurged());
    return violations.stream()
        .map(
            v ->
                v.sessionId().filter(purged::contains).isPresent()
                    ? v.withContributionIndex(OptionalInt.empty())
                    : v)
        .collect(ImmutableList.toImmutableList());
  }

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
