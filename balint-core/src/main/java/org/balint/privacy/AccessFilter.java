package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.session.GroupRecord;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;

/**
 * Cuts a group's record down to what one caller may see, for a store's read API to apply.
 *
 * <p>What each {@link DataKind} governs in a record:
 *
 * <ul>
 *   <li>{@link DataKind#ROSTER}: leaders' and members' names (otherwise {@code [NAME]}) and the
 *       group's extensions; ids, professions and leader training always stay.
 *   <li>{@link DataKind#ATTENDANCE}: each session's {@code present} and the recording's consent
 *       list (otherwise empty).
 *   <li>{@link DataKind#SESSION_METADATA}: the recording and the session's extensions (otherwise
 *       absent). Ids, times, mode and presenters stay with any view of a session.
 *   <li>{@link DataKind#CASE_TITLES}: case titles (otherwise {@link
 *       Withholding#CASE_TITLE_PLACEHOLDER}).
 *   <li>{@link DataKind#CONTRIBUTIONS}: contributions (otherwise none).
 *   <li>{@link DataKind#RESEARCH_EXPORT}: sessions recorded for {@link RecordingPurpose#RESEARCH}
 *       with everyone's consent, with attendance and recording, and with titles and contributions
 *       redacted (extensions dropped) where the caller may not see them as they are.
 * </ul>
 *
 * <p>A session is shown when the caller may see its metadata, attendance, titles or contributions,
 * or when it is in the research export. {@link DataKind#TRAINING_RECORDS} governs the training
 * ledgers built from a record, not the record itself.
 */
public final class AccessFilter {
  private final AccessPolicy policy;
  private final Redactor redactor;

  private AccessFilter(AccessPolicy policy, Redactor redactor) {
    this.policy = policy;
    this.redactor = redactor;
  }

  /**
   * A filter applying a policy, redacting research exports with the standard redactor.
   *
   * @param policy the access policy
   * @return the filter
   * @throws NullPointerException if {@code policy} is null
   */
  public static AccessFilter of(AccessPolicy policy) {
    return of(policy, Redactor.standard());
  }

  /**
   * A filter applying a policy, redacting research exports with the given redactor.
   *
   * @param policy the access policy
   * @param redactor the redactor of research exports
   * @return the filter
   * @throws NullPointerException if an argument is null
   */
  public static AccessFilter of(AccessPolicy policy, Redactor redactor) {
    return new AccessFilter(
        checkNotNull(policy, "policy must not be null"),
        checkNotNull(redactor, "redactor must not be null"));
  }

  /**
   * What of a record a caller may see.
   *
   * @param caller who asks
   * @param record the group's record
   * @return the record cut down to what the caller may see, or empty if nothing of the group
   * @throws NullPointerException if an argument is null
   */
  public Optional<GroupRecord> visibleTo(Caller caller, GroupRecord record) {
    checkNotNull(caller, "caller must not be null");
    checkNotNull(record, "record must not be null");
    ImmutableSet<DataKind> kinds = policy.permitted(caller, record.group().id());
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    ImmutableList.Builder<Session> sessions = ImmutableList.builder();
    for (Session session : record.sessions()) {
      visibleSession(session, kinds).ifPresent(sessions::add);
    }
    boolean everything = kinds.containsAll(ImmutableSet.copyOf(DataKind.values()));
    return Optional.of(
        GroupRecord.builder()
            .group(visibleGroup(record.group(), kinds))
            .sessions(sessions.build())
            .extensions(everything ? record.extensions() : Optional.empty())
            .build());
  }

  private static Group visibleGroup(Group group, ImmutableSet<DataKind> kinds) {
    if (kinds.contains(DataKind.ROSTER)) {
      return group;
    }
    String withheld = IdentifierType.NAME.placeholder();
    return group
        .withLeaders(
            group.leaders().stream()
                .map(l -> l.withName(withheld).withExtensions(Optional.empty()))
                .collect(ImmutableList.toImmutableList()))
        .withMembers(
            group.members().stream()
                .map(m -> m.withName(withheld).withExtensions(Optional.empty()))
                .collect(ImmutableList.toImmutableList()))
        .withExtensions(Optional.empty());
  }

  private Optional<Session> visibleSession(Session session, ImmutableSet<DataKind> kinds) {
    boolean research = kinds.contains(DataKind.RESEARCH_EXPORT) && isResearchExportable(session);
    boolean direct =
        kinds.contains(DataKind.SESSION_METADATA)
            || kinds.contains(DataKind.ATTENDANCE)
            || kinds.contains(DataKind.CASE_TITLES)
            || kinds.contains(DataKind.CONTRIBUTIONS);
    if (!direct && !research) {
      return Optional.empty();
    }
    Session visible = session;
    Session exported = research ? forResearch(session) : session;
    if (!kinds.contains(DataKind.CONTRIBUTIONS)) {
      visible =
          research
              ? visible.withContributions(exported.contributions())
              : Withholding.withoutContributions(visible);
    }
    if (!kinds.contains(DataKind.CASE_TITLES)) {
      visible =
          research ? visible.withCases(exported.cases()) : Withholding.withoutCaseTitles(visible);
    }
    if (!kinds.contains(DataKind.ATTENDANCE) && !research) {
      visible =
          visible
              .withPresent(ImmutableList.of())
              .withRecording(visible.recording().map(r -> r.withConsent(ImmutableList.of())));
    }
    if (!kinds.contains(DataKind.SESSION_METADATA)) {
      visible = visible.withExtensions(Optional.empty());
      if (!research) {
        visible = visible.withRecording(Optional.empty());
      }
    }
    return Optional.of(visible);
  }

  /** The session as the research export shows it: titles and texts redacted, no extensions. */
  private Session forResearch(Session session) {
    Session redacted = redactor.redact(session);
    return redacted
        .withCases(
            redacted.cases().stream()
                .map(c -> c.withExtensions(Optional.empty()))
                .collect(ImmutableList.toImmutableList()))
        .withContributions(
            redacted.contributions().stream()
                .map(c -> c.withExtensions(Optional.empty()))
                .collect(ImmutableList.toImmutableList()));
  }

  /**
   * Tells whether a session belongs in the research export: recorded for research with the consent
   * of everyone present.
   *
   * @param session the session
   * @return whether researchers may see its redacted record
   * @throws NullPointerException if {@code session} is null
   */
  public static boolean isResearchExportable(Session session) {
    checkNotNull(session, "session must not be null");
    return session.recording().map(r -> r.purpose() == RecordingPurpose.RESEARCH).orElse(false)
        && RecordingConsent.mayKeepContributions(session);
  }
}
