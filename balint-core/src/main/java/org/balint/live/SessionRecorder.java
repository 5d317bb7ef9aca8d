package org.balint.live;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Multiset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.balint.Ids;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.method.ContributionInSession;
import org.balint.method.PhasePlan;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.privacy.Redactor;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;

/**
 * Records a Balint session as it happens and tells listeners at once when the method is breached.
 *
 * <p>A session goes through three states: {@link State#NOT_STARTED} (take attendance and consent),
 * {@link State#RUNNING} (from {@link #startSession()}: cases, phases and contributions) and {@link
 * State#FINISHED} (from {@link #finish()}: nothing more is taken). The session starts in the
 * opening; {@link #presentCase} registers a case, makes it the current case and enters its
 * presentation; {@link #enterPhase} moves the current case on; {@link #contribute} records what is
 * said, in the current phase of the current case. Contributions in the opening before any case is
 * presented belong to the first case.
 *
 * <pre>{@code
 * SessionRecorder recorder = SessionRecorder.builder(group, "2026-11-20").clock(clock).build();
 * recorder.addListener(listener);
 * for (String id : List.of("L1", "m1", "m2")) {
 *   recorder.markPresent(id);
 *   recorder.consent(id);
 * }
 * recorder.recordFor(RecordingPurpose.RESEARCH);
 * recorder.startSession();
 * recorder.contribute("L1", "Who has a case for us tonight?", ContributionKind.FACILITATION);
 * recorder.presentCase("m1", "The woman who always brings a list");
 * recorder.enterPhase(Phase.DISCUSSION);
 * recorder.contribute("m2", "I wonder what she hopes he will do with the list.");
 * FinishedSession finished = recorder.finish();
 * store.sessions().store(group.id(), finished.kept().session(), finished.kept().violations());
 * }</pre>
 *
 * <p>Impossible moves are refused: {@link IllegalStateException} for a move the session's state
 * does not allow (a contribution before the start or after the finish, a phase before any case),
 * {@link IllegalArgumentException} for a bad argument (an id not on the group's roster, someone not
 * present speaking or presenting, someone who spoke marked absent, a phase that goes back within a
 * case, a malformed id). Breaches of the method are not refused: they are violations, told to
 * listeners.
 *
 * <p>Breaches are found by the same {@link Protocol} that validates finished sessions. Group rules
 * are told at {@link #startSession()}, with a {@linkplain SessionListener#onNotice notice} of what
 * will be kept given the recording and consent so far. Each contribution is checked on its own, in
 * the light of the session before it, by the protocol's {@linkplain
 * org.balint.method.ContributionRule contribution rules} ({@link Protocol#checkContribution}), so
 * the cost of a contribution does not grow with the session's length. At {@link #finish()} the
 * finished session is validated once and every violation not yet told (the session-level ones:
 * duration, consent, drift, a case without discussion...) is told. So what listeners hear over a
 * session is exactly the finished session's report. Time comes from the injected {@link Clock};
 * timing warnings are checked on every move and on {@link #tick()}, which a timer may call.
 *
 * <p>A recorder is safe to use from several threads (a timer calling {@link #tick()} while another
 * thread records): each method runs alone, and listeners are called on the thread of the method
 * that notices, while it runs.
 */
public final class SessionRecorder {
  /** Where a recorder stands. */
  public enum State {
    /** Attendance and consent may be taken; nothing has started. */
    NOT_STARTED,
    /** The session is under way. */
    RUNNING,
    /** The session is over; nothing more is taken. */
    FINISHED
  }

  private final Group group;
  private final String sessionId;
  private final Protocol protocol;
  private final ContributionClassifier classifier;
  private final Clock clock;
  private final KeepingPolicy keeping;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

  // Where the session stands: attendance and consent, the cases and what was said so far, and
  // the current case's phase. Built into a Session only when the session finishes.
  /**
   * Where the session meets, if anyone said; a session nobody said otherwise of meets in person.
   */
  private @Nullable SessionMode mode;

  private final Set<String> present = new LinkedHashSet<>();
  private @Nullable ImmutableSet<String> presentSnapshot;
  private final Set<String> consent = new LinkedHashSet<>();
  private @Nullable RecordingPurpose recordingPurpose;
  private ImmutableList<Case> cases = ImmutableList.of();
  private final List<Contribution> contributions = new ArrayList<>();
  private final Map<String, Integer> spoken = new HashMap<>();
  private @Nullable Phase lastPhaseOfCurrentCase;
  private final Multiset<Violation> told = HashMultiset.create();
  private final Set<String> overruns = new HashSet<>();

  private State state = State.NOT_STARTED;
  private @Nullable Instant start;
  private Phase phase = Phase.OPENING;
  private @Nullable Instant phaseStart;

  private SessionRecorder(Builder builder) {
    this.group = builder.group;
    this.sessionId = builder.sessionId;
    this.protocol = builder.protocol;
    this.classifier = new RememberingClassifier(builder.classifier);
    this.clock = builder.clock;
    this.mode = builder.mode;
    this.keeping = KeepingPolicy.of(builder.protocol, classifier, builder.redactor);
  }

  /**
   * Starts building a recorder for one session of a group.
   *
   * @param group the group meeting
   * @param sessionId the new session's id
   * @return a builder; by default the standard protocol, the default classifier, the system clock
   *     in UTC, an in-person session and the standard redactor
   * @throws IllegalArgumentException if {@code sessionId} is not a well-formed id
   */
  public static Builder builder(Group group, String sessionId) {
    return new Builder(group, sessionId);
  }

  /** Builds a {@link SessionRecorder}. */
  public static final class Builder {
    private final Group group;
    private final String sessionId;
    private Protocol protocol = Protocols.standard();
    private ContributionClassifier classifier = ContributionClassifiers.defaultClassifier();
    private Clock clock = Clock.systemUTC();
    private @Nullable SessionMode mode;
    private Redactor redactor = Redactor.standard();

    private Builder(Group group, String sessionId) {
      this.group = checkNotNull(group, "group");
      this.sessionId = Ids.check("sessionId", sessionId);
    }

    /**
     * Sets the protocol whose rules and phase plans apply.
     *
     * @param protocol the protocol
     * @return this builder
     */
    public Builder protocol(Protocol protocol) {
      this.protocol = checkNotNull(protocol, "protocol");
      return this;
    }

    /**
     * Sets the classifier for contributions given without a coded kind.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public Builder classifier(ContributionClassifier classifier) {
      this.classifier = checkNotNull(classifier, "classifier");
      return this;
    }

    /**
     * Sets the clock that times the session, its phases and its contributions.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Sets where the session meets.
     *
     * @param mode in person or online
     * @return this builder
     */
    public Builder mode(SessionMode mode) {
      this.mode = checkNotNull(mode, "mode");
      return this;
    }

    /**
     * Sets how patient identifiers are redacted in what is kept ({@link FinishedSession#kept()}).
     *
     * @param redactor the redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = checkNotNull(redactor, "redactor");
      return this;
    }

    /**
     * Builds the recorder, not yet started.
     *
     * @return the recorder
     */
    public SessionRecorder build() {
      return new SessionRecorder(this);
    }
  }

  /**
   * Adds a listener; it hears everything from now on.
   *
   * @param listener the listener
   */
  public void addListener(SessionListener listener) {
    listeners.add(checkNotNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  /**
   * Marks someone on the group's roster present, before the start or on arrival. Marking someone
   * present twice does nothing.
   *
   * @param id the id of a leader or member
   * @throws IllegalArgumentException if {@code id} is not on the group's roster
   * @throws IllegalStateException if the session has finished
   */
  public synchronized void markPresent(String id) {
    checkOnRoster(id);
    checkNotFinished("mark someone present");
    if (present.add(id)) {
      presentSnapshot = null;
    }
  }

  /**
   * Takes back a presence marked by mistake. Someone who has spoken or presented a case stays
   * present.
   *
   * @param id the id of someone marked present
   * @throws IllegalArgumentException if {@code id} is not marked present, or has spoken or
   *     presented a case
   * @throws IllegalStateException if the session has finished
   */
  public synchronized void markAbsent(String id) {
    Ids.check("id", id);
    checkNotFinished("mark someone absent");
    checkArgument(present.contains(id), "%s is not marked present", id);
    checkArgument(
        !spoken.containsKey(id),
        "%s has spoken in this session (%s), so they were present",
        id,
        count(spoken.getOrDefault(id, 0), "contribution"));
    checkArgument(
        cases.stream().noneMatch(presented -> presented.presenter().equals(id)),
        "%s presented a case in this session, so they were present",
        id);
    present.remove(id);
    presentSnapshot = null;
  }

  /**
   * Declares that a record of what is said is kept, and why; without it, recorded contributions
   * break {@code confidentiality.consent} and are not {@linkplain FinishedSession#kept() kept}.
   *
   * @param purpose research or a leader's supervision
   * @throws IllegalStateException if the session has finished
   */
  public synchronized void recordFor(RecordingPurpose purpose) {
    checkNotNull(purpose, "purpose");
    checkNotFinished("declare a recording");
    recordingPurpose = purpose;
  }

  /**
   * Notes that someone on the group's roster agreed to the record being kept.
   *
   * @param id the id of the leader or member who consented
   * @throws IllegalArgumentException if {@code id} is not on the group's roster
   * @throws IllegalStateException if the session has finished
   */
  public synchronized void consent(String id) {
    checkOnRoster(id);
    checkNotFinished("take consent");
    consent.add(id);
  }

  /**
   * Sets where the session meets, at any time before it finishes.
   *
   * @param where in person or online
   * @throws IllegalStateException if the session has finished
   */
  public synchronized void setMode(SessionMode where) {
    checkNotNull(where, "where");
    checkNotFinished("change where the session meets");
    mode = where;
  }

  /**
   * Starts the session in the opening, now. Listeners hear the group rules' violations, a notice of
   * what will be kept given the recording and consent so far, and the opening prompt.
   *
   * @throws IllegalStateException if the session has already started
   */
  public synchronized void startSession() {
    checkState(state == State.NOT_STARTED, "the session has already started (state %s)", state);
    start = clock.instant();
    phaseStart = start;
    state = State.RUNNING;
    GroupRecord groupAlone = GroupRecord.builder().group(group).build();
    ImmutableList<Violation> found = protocol.validate(groupAlone, classifier).violations();
    found.forEach(this::tell);
    prompt(found);
    String notice =
        KeepingPolicy.atTheStart(group, present, Optional.ofNullable(recordingPurpose), consent);
    listeners.forEach(listener -> listener.onNotice(notice));
    enter(Phase.OPENING);
  }

  /**
   * Registers a case, makes it the current case and enters its presentation.
   *
   * @param presenter the id of the member presenting, who must be present
   * @param title the case's title, which must not identify the patient
   * @return the case's index in the session
   * @throws IllegalStateException if the session is not running
   * @throws IllegalArgumentException if the presenter is not marked present, or the title is empty
   *     or too long
   */
  public synchronized int presentCase(String presenter, String title) {
    Ids.check("presenter", presenter);
    checkNotNull(title, "title");
    checkRunning("present a case");
    checkPresent(presenter, "present a case");
    checkArgument(!title.isBlank(), "title must not be blank, but was \"%s\"", title);
    Case presented = Case.builder().presenter(presenter).title(title).build();
    tick();
    cases = ImmutableList.<Case>builder().addAll(cases).add(presented).build();
    lastPhaseOfCurrentCase = null;
    enter(Phase.PRESENTATION);
    return cases.size() - 1;
  }

  /**
   * Moves the current case on to a phase. Entering the phase the case is already in does nothing;
   * phases may be skipped but never taken back.
   *
   * @param next the phase to enter
   * @throws IllegalStateException if the session is not running, or no case has been presented and
   *     {@code next} is not the opening
   * @throws IllegalArgumentException if {@code next} comes before the current case's phase
   */
  public synchronized void enterPhase(Phase next) {
    checkNotNull(next, "next");
    checkRunning("change phase");
    if (next == phase) {
      tick();
      return;
    }
    checkState(
        !cases.isEmpty(),
        "no case has been presented yet, so the session cannot enter %s; present a case first",
        next.words());
    checkArgument(
        next.compareTo(phase) > 0,
        "case %s is in %s and cannot go back to %s",
        cases.size(),
        phase.words(),
        next.words());
    tick();
    enter(next);
  }

  /**
   * Records a contribution whose kind the classifier will decide, in the current phase of the
   * current case.
   *
   * @param speaker the speaker's id, who must be present
   * @param text what was said, 1–10,000 characters
   * @return the violations about this contribution (also told to listeners)
   * @throws IllegalStateException if the session is not running
   * @throws IllegalArgumentException if the speaker is not present or the text is empty or too long
   */
  public ImmutableList<Violation> contribute(String speaker, String text) {
    return record(speaker, text, Optional.empty());
  }

  /**
   * Records a contribution with the kind a coder gave it, in the current phase of the current case.
   *
   * @param speaker the speaker's id, who must be present
   * @param text what was said, 1–10,000 characters
   * @param kind the coded kind, which wins over the classifier
   * @return the violations about this contribution (also told to listeners)
   * @throws IllegalStateException if the session is not running
   * @throws IllegalArgumentException if the speaker is not present or the text is empty or too long
   */
  public ImmutableList<Violation> contribute(String speaker, String text, ContributionKind kind) {
    return record(speaker, text, Optional.of(checkNotNull(kind, "kind")));
  }

  private synchronized ImmutableList<Violation> record(
      String speaker, String text, Optional<ContributionKind> kind) {
    Ids.check("speaker", speaker);
    checkNotNull(text, "text");
    checkRunning("record a contribution");
    checkPresent(speaker, "speak");
    Instant at = clock.instant();
    if (!contributions.isEmpty()) {
      Instant previous = contributions.get(contributions.size() - 1).at().orElseThrow();
      checkState(!at.isBefore(previous), "the clock went back from %s to %s", previous, at);
    }
    Contribution contribution =
        Contribution.builder()
            .at(at)
            .speaker(speaker)
            .phase(phase)
            .text(text)
            .kind(kind)
            .caseIndex(Math.max(cases.size() - 1, 0))
            .build();
    ContributionInSession inSession =
        ContributionInSession.builder()
            .sessionId(sessionId)
            .present(presentNow())
            .cases(cases)
            .index(contributions.size())
            .contribution(contribution)
            .previousPhaseInCase(Optional.ofNullable(lastPhaseOfCurrentCase))
            .build();
    contributions.add(contribution);
    spoken.merge(speaker, 1, Integer::sum);
    lastPhaseOfCurrentCase = phase;
    ImmutableList<Violation> found = protocol.checkContribution(group, inSession, classifier);
    found.forEach(this::tell);
    prompt(found);
    tick();
    return found;
  }

  /**
   * Checks the time: tells listeners once when the current phase runs past its planned maximum, and
   * once when the session runs past its planned length. A timer may call it regularly, so that
   * overruns are heard when nobody is typing.
   *
   * @return where the session stands in time
   * @throws IllegalStateException if the session is not running
   */
  public synchronized Timing tick() {
    checkRunning("check the time");
    Timing timing = timing();
    if (timing.phaseRemaining().filter(Duration::isNegative).isPresent()
        && overruns.add(timing.caseIndex() + ":" + timing.phase())) {
      PhasePlan plan = timing.phasePlan().orElseThrow();
      tell(
          TimingWarning.builder()
              .message(
                  String.format(
                      "%s%s has run %s; at most %s %s planned.",
                      capitalised(timing.phase().words()),
                      cases.size() > 1 ? " of case " + cases.size() : "",
                      length(timing.phaseElapsed()),
                      length(plan.maximum()),
                      plan.maximum().toMinutes() == 1 ? "was" : "were"))
              .caseIndex(timing.caseIndex())
              .phase(timing.phase())
              .planned(plan.maximum())
              .elapsed(timing.phaseElapsed())
              .build());
    }
    if (timing.sessionRemaining().isNegative() && overruns.add("session")) {
      tell(
          TimingWarning.builder()
              .message(
                  String.format(
                      "The session has run %s, past its planned %s.",
                      length(timing.sessionElapsed()), length(timing.sessionPlanned())))
              .planned(timing.sessionPlanned())
              .elapsed(timing.sessionElapsed())
              .build());
    }
    return timing;
  }

  /**
   * Where the session stands in time, without telling listeners anything.
   *
   * @return elapsed and remaining time for the session and the current phase
   * @throws IllegalStateException if the session is not running
   */
  public synchronized Timing timing() {
    checkRunning("check the time");
    Instant now = clock.instant();
    return Timing.builder()
        .sessionElapsed(Duration.between(start, now))
        .sessionPlanned(protocol.parameters().nominalSessionLength())
        .caseIndex(currentCase())
        .phase(phase)
        .phaseElapsed(Duration.between(phaseStart, now))
        .phasePlan(Optional.ofNullable(protocol.parameters().phasePlans().get(phase)))
        .build();
  }

  /**
   * Finishes the session now.
   *
   * @return the finished session, its validation and what of it may be kept
   * @throws IllegalStateException if the session is not running, or contributions were recorded but
   *     no case was ever presented
   * @see #finish(Instant)
   */
  public synchronized FinishedSession finish() {
    checkRunning("finish the session");
    return finish(clock.instant());
  }

  /**
   * Finishes the session at a given end. Listeners hear every violation of the finished session
   * that they have not heard yet, in report order, and the prompts for them.
   *
   * @param end when the session ended
   * @return the finished session, its validation and what of it may be kept
   * @throws IllegalStateException if the session is not running, or contributions were recorded but
   *     no case was ever presented
   * @throws IllegalArgumentException if {@code end} is before the start or the last contribution
   */
  public synchronized FinishedSession finish(Instant end) {
    checkNotNull(end, "end");
    checkRunning("finish the session");
    checkArgument(
        !end.isBefore(start), "end must not be before the start (%s), but was %s", start, end);
    checkState(
        contributions.isEmpty() || !cases.isEmpty(),
        "%s recorded but no case was presented; present a case before finishing",
        count(contributions.size(), "contribution"));
    Session session = session(end);
    GroupRecord record = GroupRecord.builder().group(group).addSession(session).build();
    ValidationReport report = protocol.validate(record, classifier);
    Multiset<Violation> alreadyTold = HashMultiset.create(told);
    List<Violation> news = new ArrayList<>();
    for (Violation violation : report.violations()) {
      if (!alreadyTold.remove(violation)) {
        news.add(violation);
      }
    }
    state = State.FINISHED;
    news.forEach(this::tell);
    prompt(news);
    return FinishedSession.builder()
        .session(session)
        .record(record)
        .report(report)
        .kept(keeping.keep(group, session))
        .build();
  }

  /**
   * The ids marked present so far, in the order they were marked.
   *
   * @return the present ids
   */
  public synchronized ImmutableList<String> presentIds() {
    return presentNow().asList();
  }

  /**
   * The ids of those present who have not consented to a recording (all of them when none is
   * declared).
   *
   * @return the ids, in the order they were marked present
   */
  public synchronized ImmutableList<String> missingConsent() {
    return present.stream()
        .filter(id -> recordingPurpose == null || !consent.contains(id))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The declared recording's purpose.
   *
   * @return the purpose, or empty if no recording is declared
   */
  public synchronized Optional<RecordingPurpose> recordingPurpose() {
    return Optional.ofNullable(recordingPurpose);
  }

  /**
   * How many contributions have been recorded.
   *
   * @return the number so far
   */
  public synchronized int contributionCount() {
    return contributions.size();
  }

  /**
   * Where the recorder stands.
   *
   * @return the state
   */
  public synchronized State state() {
    return state;
  }

  /**
   * The phase the current case (or, before any case, the session) is in.
   *
   * @return the phase; {@link Phase#OPENING} before the first case
   */
  public synchronized Phase currentPhase() {
    return phase;
  }

  /**
   * The index of the current case.
   *
   * @return the index, or empty before a case is presented
   */
  public synchronized OptionalInt currentCase() {
    return cases.isEmpty() ? OptionalInt.empty() : OptionalInt.of(cases.size() - 1);
  }

  /** Enters a phase of the current case now; the caller has checked the time of the last one. */
  private void enter(Phase next) {
    phase = next;
    phaseStart = clock.instant();
    int caseIndex = cases.size() - 1;
    listeners.forEach(listener -> listener.onPhaseEntered(caseIndex, next));
    Prompt prompt = FacilitatorPrompts.forPhase(next);
    listeners.forEach(listener -> listener.onPrompt(prompt));
  }

  private ImmutableSet<String> presentNow() {
    ImmutableSet<String> snapshot = presentSnapshot;
    if (snapshot == null) {
      snapshot = ImmutableSet.copyOf(present);
      presentSnapshot = snapshot;
    }
    return snapshot;
  }

  private Session session(Instant end) {
    Optional<Recording> recording =
        Optional.ofNullable(recordingPurpose)
            .map(purpose -> Recording.builder().purpose(purpose).addAllConsent(consent).build());
    return Session.builder()
        .id(sessionId)
        .start(checkNotNull(start))
        .end(end)
        .mode(Optional.ofNullable(mode))
        .present(present)
        .recording(recording)
        .cases(cases)
        .contributions(contributions)
        .build();
  }

  private void tell(Violation violation) {
    told.add(violation);
    listeners.forEach(listener -> listener.onViolation(violation));
  }

  private void tell(TimingWarning warning) {
    listeners.forEach(listener -> listener.onTimingWarning(warning));
  }

  /** One prompt per rule breached, in the order first breached. */
  private void prompt(List<Violation> violations) {
    violations.stream()
        .map(Violation::ruleId)
        .distinct()
        .forEach(
            id ->
                protocol
                    .rule(id)
                    .map(FacilitatorPrompts::forRule)
                    .ifPresent(prompt -> listeners.forEach(listener -> listener.onPrompt(prompt))));
  }

  private void checkOnRoster(String id) {
    Ids.check("id", id);
    checkArgument(
        group.rosterIds().contains(id), "%s is not on the roster of group %s", id, group.id());
  }

  private void checkPresent(String id, String move) {
    checkArgument(
        present.contains(id),
        group.rosterIds().contains(id)
            ? "%s is not marked present; mark them present before they %s"
            : "%s is not on the roster of group " + group.id() + ", so cannot %s",
        id,
        move);
  }

  private void checkRunning(String move) {
    checkState(
        state == State.RUNNING,
        "cannot %s: the session %s",
        move,
        state == State.NOT_STARTED ? "has not started yet" : "has finished");
  }

  private void checkNotFinished(String move) {
    checkState(state != State.FINISHED, "cannot %s: the session has finished", move);
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** "47 minutes", or "15 minutes 10 seconds" when the seconds are not zero. */
  private static String length(Duration duration) {
    long minutes = duration.toMinutes();
    long seconds = duration.minusMinutes(minutes).toSeconds();
    return count(minutes, "minute") + (seconds == 0 ? "" : " " + count(seconds, "second"));
  }

  private static String count(long n, String one) {
    return n + " " + one + (n == 1 ? "" : "s");
  }

  /**
   * Remembers what the classifier said about each text in each phase and role, so that the
   * contribution check and the validation of the finished session classify each contribution once.
   */
  private static final class RememberingClassifier implements ContributionClassifier {
    private final ContributionClassifier classifier;
    private final Map<List<Object>, Classification> remembered = new HashMap<>();

    RememberingClassifier(ContributionClassifier classifier) {
      this.classifier = classifier;
    }

    @Override
    public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
      return remembered.computeIfAbsent(
          List.of(text, phase, role), key -> classifier.classify(text, phase, role));
    }
  }
}
