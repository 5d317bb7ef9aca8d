package org.balint.live;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.balint.Ids;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.method.PhasePlan;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
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
 * }</pre>
 *
 * <p>Impossible moves are refused: {@link IllegalStateException} for a move the session's state
 * does not allow (a contribution before the start or after the finish, a phase before any case),
 * {@link IllegalArgumentException} for a bad argument (someone not present speaking or presenting,
 * a phase that goes back within a case, a malformed id). Breaches of the method are not refused:
 * they are violations, told to listeners.
 *
 * <p>Breaches are found by the same {@link Protocol} that validates finished sessions. Group rules
 * are told at {@link #startSession()}; after each contribution the session so far is validated and
 * the violations about that contribution are told; at {@link #finish()} the finished session is
 * validated and every violation not yet told (the session-level ones: duration, consent, drift, a
 * case without discussion...) is told. So what listeners hear over a session is exactly the
 * finished session's report. Time comes from the injected {@link Clock}; timing warnings are
 * checked on every move and on {@link #tick()}.
 *
 * <p>Each contribution re-validates the session so far; the classifier's answers are remembered,
 * so each contribution is classified once, and the rules' work grows with the square of the
 * number of contributions, which for a live session (tens to a few hundred contributions) is
 * well below what a person notices. A recorder is not thread-safe: drive it from one thread.
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
  private final SessionMode mode;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

  private final Set<String> present = new LinkedHashSet<>();
  private final Set<String> consent = new LinkedHashSet<>();
  private @Nullable RecordingPurpose recordingPurpose;
  private final List<Case> cases = new ArrayList<>();
  private final List<Contribution> contributions = new ArrayList<>();
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
  }

  /**
   * Starts building a recorder for one session of a group.
   *
   * @param group the group meeting
   * @param sessionId the new session's id
   * @return a builder; by default the standard protocol, the default classifier, the system clock
   *     in UTC and an in-person session
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
    private SessionMode mode = SessionMode.IN_PERSON;

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
   * Marks someone present, before the start or on arrival. Someone off the roster may be marked
   * present; the finished session then breaks {@code session.attendee}.
   *
   * @param id the id of a leader, member or visitor
   * @throws IllegalArgumentException if {@code id} is not a well-formed id
   * @throws IllegalStateException if the session has finished
   */
  public void markPresent(String id) {
    Ids.check("id", id);
    checkNotFinished("mark someone present");
    present.add(id);
  }

  /**
   * Declares that a record of what is said is kept, and why; without it, recorded contributions
   * break {@code confidentiality.consent}.
   *
   * @param purpose research or a leader's supervision
   * @throws IllegalStateException if the session has finished
   */
  public void recordFor(RecordingPurpose purpose) {
    checkNotNull(purpose, "purpose");
    checkNotFinished("declare a recording");
    recordingPurpose = purpose;
  }

  /**
   * Notes that someone agreed to the record being kept.
   *
   * @param id the id of the person who consented
   * @throws IllegalArgumentException if {@code id} is not a well-formed id
   * @throws IllegalStateException if the session has finished
   */
  public void consent(String id) {
    Ids.check("id", id);
    checkNotFinished("take consent");
    consent.add(id);
  }

  /**
   * Starts the session in the opening, now. Listeners hear the group rules' violations and the
   * opening prompt.
   *
   * @throws IllegalStateException if the session has already started
   */
  public void startSession() {
    checkState(state == State.NOT_STARTED, "the session has already started (state %s)", state);
    start = clock.instant();
    state = State.RUNNING;
    GroupRecord groupAlone = GroupRecord.builder().group(group).build();
    ImmutableList<Violation> found = protocol.validate(groupAlone, classifier).violations();
    found.forEach(this::tell);
    prompt(found);
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
  public int presentCase(String presenter, String title) {
    Ids.check("presenter", presenter);
    checkNotNull(title, "title");
    checkRunning("present a case");
    checkArgument(
        present.contains(presenter),
        "%s is not marked present; mark them present before they present a case",
        presenter);
    checkArgument(!title.isBlank(), "title must not be blank, but was \"%s\"", title);
    tick();
    cases.add(Case.builder().presenter(presenter).title(title).build());
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
  public void enterPhase(Phase next) {
    checkNotNull(next, "next");
    checkRunning("change phase");
    if (next == phase) {
      tick();
      return;
    }
    checkState(
        !cases.isEmpty(),
        "no case has been presented yet, so the session cannot enter %s; call presentCase first",
        next);
    checkArgument(
        next.compareTo(phase) > 0,
        "case %s is in %s and cannot go back to %s",
        cases.size() - 1,
        phase,
        next);
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

  private ImmutableList<Violation> record(
      String speaker, String text, Optional<ContributionKind> kind) {
    Ids.check("speaker", speaker);
    checkNotNull(text, "text");
    checkRunning("record a contribution");
    checkArgument(
        present.contains(speaker),
        "%s is not marked present; mark them present before they speak",
        speaker);
    Instant at = clock.instant();
    Contribution contribution =
        Contribution.builder()
            .at(at)
            .speaker(speaker)
            .phase(phase)
            .text(text)
            .kind(kind)
            .caseIndex(Math.max(cases.size() - 1, 0))
            .build();
    if (!contributions.isEmpty()) {
      Instant previous = contributions.get(contributions.size() - 1).at().orElseThrow();
      checkState(!at.isBefore(previous), "the clock went back from %s to %s", previous, at);
    }
    contributions.add(contribution);
    int index = contributions.size() - 1;
    ImmutableList<Violation> found =
        protocol.validate(recordOf(sessionSoFar(at)), classifier).violations().stream()
            .filter(v -> v.contributionIndex().equals(OptionalInt.of(index)))
            .collect(ImmutableList.toImmutableList());
    found.forEach(this::tell);
    prompt(found);
    tick();
    return found;
  }

  /**
   * Checks the time: tells listeners once when the current phase runs past its planned maximum, and
   * once when the session runs past its planned length.
   *
   * @return where the session stands in time
   * @throws IllegalStateException if the session is not running
   */
  public Timing tick() {
    checkRunning("check the time");
    Timing timing = timing();
    if (timing.phaseRemaining().filter(Duration::isNegative).isPresent()
        && overruns.add(timing.caseIndex() + ":" + timing.phase())) {
      PhasePlan plan = timing.phasePlan().orElseThrow();
      tell(
          TimingWarning.builder()
              .message(
                  String.format(
                      "The %s%s has run %s; at most %s %s planned.",
                      phaseWords(timing.phase()),
                      cases.size() > 1 ? " of case " + cases.size() : "",
                      minutes(timing.phaseElapsed()),
                      minutes(plan.maximum()),
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
                      minutes(timing.sessionElapsed()), minutes(timing.sessionPlanned())))
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
  public Timing timing() {
    checkRunning("check the time");
    Instant now = clock.instant();
    return Timing.builder()
        .sessionElapsed(Duration.between(start, now))
        .sessionPlanned(protocol.parameters().nominalSessionLength())
        .caseIndex(cases.isEmpty() ? OptionalInt.empty() : OptionalInt.of(cases.size() - 1))
        .phase(phase)
        .phaseElapsed(Duration.between(phaseStart, now))
        .phasePlan(Optional.ofNullable(protocol.parameters().phasePlans().get(phase)))
        .build();
  }

  /**
   * Finishes the session now.
   *
   * @return the finished session and its validation
   * @throws IllegalStateException if the session is not running, or contributions were recorded but
   *     no case was ever presented
   * @see #finish(Instant)
   */
  public FinishedSession finish() {
    checkRunning("finish the session");
    return finish(clock.instant());
  }

  /**
   * Finishes the session at a given end. Listeners hear every violation of the finished session
   * that they have not heard yet, in report order, and the prompts for them.
   *
   * @param end when the session ended
   * @return the finished session and its validation
   * @throws IllegalStateException if the session is not running, or contributions were recorded but
   *     no case was ever presented
   * @throws IllegalArgumentException if {@code end} is before the start
   */
  public FinishedSession finish(Instant end) {
    checkNotNull(end, "end");
    checkRunning("finish the session");
    checkArgument(
        !end.isBefore(start), "end must not be before the start (%s), but was %s", start, end);
    checkState(
        contributions.isEmpty() || !cases.isEmpty(),
        "%s contributions were recorded but no case was presented; present a case before finishing",
        contributions.size());
    Session session = session(end, cases);
    GroupRecord record = recordOf(session);
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
    return FinishedSession.builder().session(session).record(record).report(report).build();
  }

  /**
   * The ids marked present so far, in the order they were marked.
   *
   * @return the present ids
   */
  public ImmutableList<String> presentIds() {
    return ImmutableList.copyOf(present);
  }

  /**
   * Where the recorder stands.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * The phase the current case (or, before any case, the session) is in.
   *
   * @return the phase; {@link Phase#OPENING} before the first case
   */
  public Phase currentPhase() {
    return phase;
  }

  /**
   * The index of the current case.
   *
   * @return the index, or empty before a case is presented
   */
  public OptionalInt currentCase() {
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

  /** The session so far; before any case, with a stand-in case so that it can be validated. */
  private Session sessionSoFar(Instant now) {
    if (!cases.isEmpty()) {
      return session(now, cases);
    }
    String standIn = "provisional.presenter";
    while (present.contains(standIn) || group.rosterIds().contains(standIn)) {
      standIn = standIn + "_";
    }
    return session(now, List.of(Case.builder().presenter(standIn).title("(no case yet)").build()));
  }

  private Session session(Instant end, List<Case> sessionCases) {
    Optional<Recording> recording =
        Optional.ofNullable(recordingPurpose)
            .map(purpose -> Recording.builder().purpose(purpose).addAllConsent(consent).build());
    return Session.builder()
        .id(sessionId)
        .start(Objects.requireNonNull(start))
        .end(end)
        .mode(mode)
        .present(present)
        .recording(recording)
        .cases(sessionCases)
        .contributions(contributions)
        .build();
  }

  private GroupRecord recordOf(Session session) {
    return GroupRecord.builder().group(group).addSession(session).build();
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

  private void checkRunning(String move) {
    checkState(
        state == State.RUNNING,
        "cannot %s: the session %s",
        move,
        state == State.NOT_STARTED ? "has not started; call startSession first" : "has finished");
  }

  private void checkNotFinished(String move) {
    checkState(state != State.FINISHED, "cannot %s: the session has finished", move);
  }

  private static String phaseWords(Phase phase) {
    return phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static String minutes(Duration duration) {
    long minutes = duration.toMinutes();
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  /**
   * Remembers what the classifier said about each text in each phase and role, so that validating
   * the session again after each contribution classifies each contribution once.
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
