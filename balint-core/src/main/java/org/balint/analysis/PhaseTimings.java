package org.balint.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * How long each phase of a session took, from the times its contributions were said.
 *
 * <p>A session's contributions fall into runs of the same phase and case. A run starts at its first
 * contribution's {@code at} (the first run at the session's {@code start}) and ends where the next
 * run starts (the last run at the session's {@code end}). A phase took the sum of its runs over
 * every case. Where a run's start or end is not known (a contribution without {@code at}, or an
 * open session), the phase's time is unknown; its other facts still hold.
 */
public final class PhaseTimings {
  private final Map<Phase, Integer> cases;
  private final Map<Phase, Duration> took;

  private PhaseTimings(Map<Phase, Integer> cases, Map<Phase, Duration> took) {
    this.cases = cases;
    this.took = took;
  }

  /**
   * Measures the phases of a session.
   *
   * @param session the session
   * @return its phase timings
   */
  public static PhaseTimings of(Session session) {
    checkNotNull(session, "session");
    List<Contribution> contributions = session.contributions();
    List<Integer> runStarts = new ArrayList<>();
    for (int i = 0; i < contributions.size(); i++) {
      if (i == 0
          || contributions.get(i).phase() != contributions.get(i - 1).phase()
          || contributions.get(i).caseIndex() != contributions.get(i - 1).caseIndex()) {
        runStarts.add(i);
      }
    }
    Map<Phase, Set<Integer>> casesByPhase = new LinkedHashMap<>();
    Map<Phase, Duration> took = new EnumMap<>(Phase.class);
    Set<Phase> unknown = EnumSet.noneOf(Phase.class);
    for (int run = 0; run < runStarts.size(); run++) {
      Contribution first = contributions.get(runStarts.get(run));
      casesByPhase.computeIfAbsent(first.phase(), phase -> new TreeSet<>()).add(first.caseIndex());
      @Nullable Instant from = run == 0 ? session.start() : first.at().orElse(null);
      @Nullable Instant until =
          run + 1 < runStarts.size()
              ? contributions.get(runStarts.get(run + 1)).at().orElse(null)
              : session.end().orElse(null);
      if (from == null || until == null) {
        unknown.add(first.phase());
      } else {
        took.merge(first.phase(), Duration.between(from, until), Duration::plus);
      }
    }
    took.keySet().removeAll(unknown);
    Map<Phase, Integer> cases = new LinkedHashMap<>();
    casesByPhase.forEach((phase, indices) -> cases.put(phase, indices.size()));
    return new PhaseTimings(cases, took);
  }

  /**
   * The phases the session reached, in the order it first reached them.
   *
   * @return the phases
   */
  public ImmutableList<Phase> phases() {
    return ImmutableList.copyOf(cases.keySet());
  }

  /**
   * How long a phase took, over all cases.
   *
   * @param phase the phase
   * @return its time; empty when the session did not reach it or a time it needs is not known
   */
  public Optional<Duration> took(Phase phase) {
    return Optional.ofNullable(took.get(checkNotNull(phase, "phase")));
  }

  /**
   * The number of cases whose contributions reached a phase (what a per-case plan is multiplied
   * by).
   *
   * @param phase the phase
   * @return the count; 0 when no contribution is in that phase
   */
  public int cases(Phase phase) {
    return cases.getOrDefault(checkNotNull(phase, "phase"), 0);
  }
}
