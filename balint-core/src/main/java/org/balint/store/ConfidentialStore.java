package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Person;
import org.balint.method.Violation;
import org.balint.privacy.Identifier;
import org.balint.privacy.IdentifierDetector;
import org.balint.privacy.RecordingConsent;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Recording;
import org.balint.session.Session;

/**
 * A store that enforces confidentiality on every write of the store it wraps, so that any
 * implementation of the repositories (memory, a database, a platform's own) gives the same
 * guarantees by construction:
 *
 * <ul>
 *   <li><b>consent</b>: a session's contributions are kept only with a recording that everyone
 *       present, and everyone who speaks, consented to ({@link RecordingConsent});
 *   <li><b>identifiers</b>: no stored text holds a patient identifier: case titles, contributions,
 *       the messages of the violations stored with them, and every extension (roster names and the
 *       group's name are not scanned; roster names inside a violation's message are passed over);
 *   <li><b>retention</b>: what a write stores is first cut down by the group's {@link
 *       RetentionPolicy}, so that nothing is stored that a purge at the time of writing would
 *       delete; appending to a session whose contributions are due for deletion is refused;
 *   <li><b>arguments</b>: violations belong to what they are stored with, time ranges are not
 *       reversed, nothing is null.
 * </ul>
 *
 * <p>A refused write throws a {@link ConfidentialityException} (or {@link IllegalArgumentException}
 * for a violation that does not belong) and stores nothing. Reads, deletes and purges are forwarded
 * unchanged; a purge's write given from outside ({@link GroupRepository#storePurge}) is checked
 * like any other. {@link InMemoryStore} and the JDBC store are wrapped already; wrap a platform's
 * own store with {@link #of(BalintStore)}:
 *
 * <pre>{@code
 * BalintStore store = ConfidentialStore.of(new PlatformStore(dataSource));
 * }</pre>
 *
 * <p>Thread-safe when the wrapped store is.
 */
public final class ConfidentialStore extends ForwardingBalintStore {
  private final BalintStore delegate;
  private final Clock clock;
  private final IdentifierDetector detector;
  private final Groups groups = new Groups();
  private final Sessions sessions = new Sessions();

  private ConfidentialStore(BalintStore delegate, Clock clock, IdentifierDetector detector) {
    this.delegate = delegate;
    this.clock = clock;
    this.detector = detector;
  }

  /**
   * Wraps a store, applying retention at the time of the system clock and the standard identifier
   * detector.
   *
   * @param store the store to wrap
   * @return the wrapped store; {@code store} itself if it is wrapped already
   * @throws NullPointerException if {@code store} is null
   */
  public static ConfidentialStore of(BalintStore store) {
    checkNotNull(store, "store must not be null");
    return store instanceof ConfidentialStore
        ? (ConfidentialStore) store
        : new ConfidentialStore(store, Clock.systemUTC(), IdentifierDetector.standard());
  }

  /**
   * Wraps a store with a clock of the caller's choosing (for retention) and an identifier detector.
   *
   * @param store the store to wrap
   * @param clock the time at which retention policies are applied to writes
   * @param detector finds patient identifiers in stored text
   * @return the wrapped store
   * @throws NullPointerException if an argument is null
   */
  public static ConfidentialStore of(BalintStore store, Clock clock, IdentifierDetector detector) {
    return new ConfidentialStore(
        checkNotNull(store, "store must not be null"),
        checkNotNull(clock, "clock must not be null"),
        checkNotNull(detector, "detector must not be null"));
  }

  @Override
  protected BalintStore delegate() {
    return delegate;
  }

  @Override
  public GroupRepository groups() {
    return groups;
  }

  @Override
  public SessionRepository sessions() {
    return sessions;
  }

  /** The group repository with its writes checked. */
  private final class Groups extends ForwardingGroupRepository {
    @Override
    protected GroupRepository delegate() {
      return delegate.groups();
    }

    @Override
    public long store(GroupRecord record, List<Violation> violations) {
      Retained retained = retained(record, violations);
      return delegate().store(retained.record, retained.violations);
    }

    @Override
    public long replace(GroupRecord record, List<Violation> violations, long expectedVersion) {
      Retained retained = retained(record, violations);
      return delegate().replace(retained.record, retained.violations, expectedVersion);
    }

    @Override
    public Versioned<RecordMerge> merge(
        GroupRecord document, Function<? super GroupRecord, ? extends List<Violation>> validation) {
      checkNotNull(validation, "validation must not be null");
      Retained retained = retained(document, ImmutableList.of());
      return delegate()
          .merge(
              retained.record,
              merged -> {
                List<Violation> violations =
                    checkNotNull(validation.apply(merged), "validation must not return null");
                checkViolations(merged, violations);
                checkMessages(merged.group(), violations);
                return violations;
              });
    }

    @Override
    public Optional<Versioned<Group>> findGroup(String groupId) {
      return delegate().findGroup(checkNotNull(groupId, "groupId must not be null"));
    }

    @Override
    public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
      return delegate().findRecord(checkNotNull(groupId, "groupId must not be null"));
    }

    @Override
    public ImmutableList<Violation> violations(String groupId) {
      return delegate().violations(checkNotNull(groupId, "groupId must not be null"));
    }

    @Override
    public boolean delete(String groupId) {
      return delegate().delete(checkNotNull(groupId, "groupId must not be null"));
    }

    @Override
    public Optional<RetentionPolicy> retention(String groupId) {
      return delegate().retention(checkNotNull(groupId, "groupId must not be null"));
    }

    @Override
    public void setRetention(String groupId, RetentionPolicy policy) {
      checkNotNull(groupId, "groupId must not be null");
      checkNotNull(policy, "policy must not be null");
      delegate().setRetention(groupId, policy);
    }

    @Override
    public long storePurge(RetentionPurge purge, List<Violation> violations, long expectedVersion) {
      checkNotNull(purge, "purge must not be null");
      checkNotNull(violations, "violations must not be null");
      checkViolations(purge.purged(), violations);
      checkRecord(purge.purged());
      checkMessages(purge.purged().group(), violations);
      return delegate().storePurge(purge, violations, expectedVersion);
    }
  }

  /** The session repository with its writes checked. */
  private final class Sessions extends ForwardingSessionRepository {
    @Override
    protected SessionRepository delegate() {
      return delegate.sessions();
    }

    @Override
    public Optional<Versioned<Session>> find(String groupId, String sessionId) {
      checkNotNull(groupId, "groupId must not be null");
      checkNotNull(sessionId, "sessionId must not be null");
      return delegate().find(groupId, sessionId);
    }

    @Override
    public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
      checkNotNull(groupId, "groupId must not be null");
      checkNotNull(page, "page must not be null");
      checkRange(from, to);
      return delegate().sessions(groupId, from, to, page);
    }

    @Override
    public ImmutableList<Attendance> attendance(String groupId, String personId) {
      checkNotNull(groupId, "groupId must not be null");
      checkNotNull(personId, "personId must not be null");
      return delegate().attendance(groupId, personId);
    }

    @Override
    public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
      checkNotNull(ruleId, "ruleId must not be null");
      checkNotNull(page, "page must not be null");
      return delegate().withViolation(ruleId, page);
    }

    @Override
    public long store(String groupId, Session session, List<Violation> violations) {
      Retained retained = retained(groupId, session, violations);
      return delegate().store(groupId, retained.record.sessions().get(0), retained.violations);
    }

    @Override
    public long replace(
        String groupId, Session session, List<Violation> violations, long expectedVersion) {
      Retained retained = retained(groupId, session, violations);
      return delegate()
          .replace(
              groupId, retained.record.sessions().get(0), retained.violations, expectedVersion);
    }

    @Override
    public int append(String groupId, String sessionId, Contribution contribution) {
      checkNotNull(groupId, "groupId must not be null");
      checkNotNull(sessionId, "sessionId must not be null");
      checkNotNull(contribution, "contribution must not be null");
      Optional<Versioned<Session>> stored = delegate().find(groupId, sessionId);
      Optional<Versioned<Group>> group = delegate.groups().findGroup(groupId);
      if (stored.isEmpty() || group.isEmpty()) {
        return delegate().append(groupId, sessionId, contribution);
      }
      Session appended = stored.get().value().appending(contribution);
      String name = SessionKey.of(groupId, sessionId).describe();
      checkConsent(name, appended);
      int index = appended.contributions().size() - 1;
      checkText(name, "contribution " + index, contribution.text());
      checkExtensions(name, "contribution " + index, contribution.extensions());
      RetentionPurge purge =
          policy(groupId)
              .purge(
                  GroupRecord.builder().group(group.get().value()).addSession(appended).build(),
                  clock.instant());
      if (!purge.contributionsPurged().isEmpty()) {
        throw new ConfidentialityException(
            "refusing to append to "
                + name
                + ": under the group's retention policy its contributions are due for deletion");
      }
      return delegate().append(groupId, sessionId, contribution);
    }
  }

  /** A record as a write keeps it under its group's retention policy, with its violations. */
  private static final class Retained {
    final GroupRecord record;
    final ImmutableList<Violation> violations;

    Retained(GroupRecord record, List<Violation> violations) {
      this.record = record;
      this.violations = ImmutableList.copyOf(violations);
    }
  }

  private RetentionPolicy policy(String groupId) {
    return delegate.groups().retention(groupId).orElse(RetentionPolicy.keepEverything());
  }

  /** Checks a whole record and cuts it down by its group's retention policy. */
  private Retained retained(GroupRecord record, List<Violation> violations) {
    checkNotNull(record, "record must not be null");
    checkNotNull(violations, "violations must not be null");
    checkViolations(record, violations);
    Retained retained = purged(policy(record.group().id()), record, violations);
    checkRecord(retained.record);
    checkMessages(retained.record.group(), retained.violations);
    return retained;
  }

  /** Checks one session of a stored group and cuts it down by the group's retention policy. */
  private Retained retained(String groupId, Session session, List<Violation> violations) {
    checkNotNull(groupId, "groupId must not be null");
    checkNotNull(session, "session must not be null");
    checkNotNull(violations, "violations must not be null");
    checkSessionViolations(groupId, session, violations);
    Optional<Versioned<Group>> group = delegate.groups().findGroup(groupId);
    if (group.isEmpty()) {
      throw new NotStoredException("group " + groupId);
    }
    GroupRecord record =
        GroupRecord.builder().group(group.get().value()).addSession(session).build();
    Retained retained = purged(policy(groupId), record, violations);
    checkSession(groupId, retained.record.sessions().get(0));
    checkMessages(group.get().value(), retained.violations);
    return retained;
  }

  private Retained purged(RetentionPolicy policy, GroupRecord record, List<Violation> violations) {
    RetentionPurge purge = policy.purge(record, clock.instant());
    return purge.isEmpty()
        ? new Retained(record, violations)
        : new Retained(purge.purged(), GroupPurge.violationsAfter(violations, purge));
  }

  private void checkRecord(GroupRecord record) {
    Group group = record.group();
    String name = "group " + group.id();
    checkExtensions(name, "the group", group.extensions());
    checkExtensions(name, "the record", record.extensions());
    for (Person person : group.leaders()) {
      checkExtensions(name, "leader " + person.id(), person.extensions());
    }
    for (Person person : group.members()) {
      checkExtensions(name, "member " + person.id(), person.extensions());
    }
    for (Session session : record.sessions()) {
      checkSession(group.id(), session);
    }
  }

  private void checkSession(String groupId, Session session) {
    String name = SessionKey.of(groupId, session.id()).describe();
    checkConsent(name, session);
    checkExtensions(name, "the session", session.extensions());
    checkExtensions(name, "the recording", session.recording().flatMap(Recording::extensions));
    for (int k = 0; k < session.cases().size(); k++) {
      Case presented = session.cases().get(k);
      checkText(name, "the title of case " + k, presented.title());
      checkExtensions(name, "case " + k, presented.extensions());
    }
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      checkText(name, "contribution " + i, contribution.text());
      checkExtensions(name, "contribution " + i, contribution.extensions());
    }
  }

  private static void checkConsent(String name, Session session) {
    if (RecordingConsent.holdsUnconsentedContributions(session)) {
      throw new ConsentMissingException(
          name, session.recording().isPresent(), RecordingConsent.missingConsent(session));
    }
  }

  private void checkExtensions(String name, String owner, Optional<Extensions> extensions) {
    if (extensions.isPresent()) {
      checkText(name, "the extensions of " + owner, extensions.get().json());
    }
  }

  private void checkText(String name, String where, String text) {
    ImmutableList<Identifier> found = detector.detect(text);
    if (!found.isEmpty()) {
      throw new PatientIdentifierException(
          name,
          where,
          found.stream()
              .map(identifier -> identifier.type().placeholder())
              .distinct()
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * Checks the violations' messages, passing over the roster's names: rules name people in their
   * messages ("Dr Ana Reyes was present but did not consent..."), and roster names are not scanned.
   */
  private void checkMessages(Group group, List<Violation> violations) {
    for (int i = 0; i < violations.size(); i++) {
      Violation violation = violations.get(i);
      String where =
          violation
              .sessionId()
              .map(id -> SessionKey.of(group.id(), id).describe())
              .orElse("group " + group.id());
      checkText(where, "the message of violation " + i, withoutNames(group, violation.message()));
    }
  }

  private static String withoutNames(Group group, String message) {
    String masked = message;
    for (String id : group.rosterIds()) {
      String name = group.person(id).orElseThrow().name();
      if (!name.isEmpty()) {
        masked = masked.replace(name, " ".repeat(name.length()));
      }
    }
    return masked;
  }

  /**
   * Checks a time range.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  static void checkRange(Instant from, Instant to) {
    checkNotNull(from, "from must not be null");
    checkNotNull(to, "to must not be null");
    checkArgument(!to.isBefore(from), "to (%s) must not be before from (%s)", to, from);
  }

  private static void checkViolations(GroupRecord record, List<Violation> violations) {
    for (int i = 0; i < violations.size(); i++) {
      Violation violation = checkNotNull(violations.get(i), "violations[%s] must not be null", i);
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

  private static void checkSessionViolations(
      String groupId, Session session, List<Violation> violations) {
    for (int i = 0; i < violations.size(); i++) {
      Violation violation = checkNotNull(violations.get(i), "violations[%s] must not be null", i);
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

  private static void checkGroup(int index, Violation violation, String groupId) {
    checkArgument(
        violation.groupId().equals(groupId),
        "violations[%s].groupId must be %s, but was %s",
        index,
        groupId,
        violation.groupId());
  }

  private static void checkContribution(int index, Violation violation, Optional<Session> session) {
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
