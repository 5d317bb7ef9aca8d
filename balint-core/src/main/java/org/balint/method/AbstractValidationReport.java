package org.balint.method;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a protocol found in a group and its sessions: the violations in document order.
 *
 * <p>Document order is the group rules' violations first, then for each session in turn its
 * session-level violations, then its contribution-level ones by contribution index; violations that
 * tie keep the order of the protocol's rules.
 */
@Value.Immutable
public abstract class AbstractValidationReport {
  /**
   * The violations, in document order.
   *
   * @return the violations; empty when the method was kept
   */
  @Value.Parameter
  public abstract ImmutableList<Violation> violations();

  /**
   * The contributions no coder labelled that a rule would have counted had the classifier been
   * surer of their kind (below the protocol's {@code minimumConfidence}): each as a {@link
   * Severity#INFO} finding whose message says what it may be and how sure the classifier was. They
   * are not violations: {@link #violations()}, {@link #count} and {@link #hasErrors()} leave them
   * out.
   *
   * @return the uncertain findings, in the order found; empty when every kind was sure enough
   */
  public abstract ImmutableList<Violation> uncertain();

  /**
   * Tells whether any violation is an {@link Severity#ERROR}: the method was broken.
   *
   * @return true when at least one violation has severity ERROR
   */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /**
   * Counts the violations of one severity.
   *
   * @param severity the severity
   * @return how many violations have it
   */
  public int count(Severity severity) {
    checkNotNull(severity, "severity");
    return (int) violations().stream().filter(v -> v.severity() == severity).count();
  }

  /**
   * Counts the violations of every severity.
   *
   * @return the count of each severity, every severity present (0 where none), most serious first
   */
  public ImmutableMap<Severity, Integer> counts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, count(severity));
    }
    return ImmutableMap.copyOf(counts);
  }

  /**
   * The violations about the group itself (no session).
   *
   * @return the group rules' violations, in order
   */
  public ImmutableList<Violation> groupViolations() {
    return violations().stream()
        .filter(v -> v.sessionId().isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The violations about one session, session-level first, then by contribution.
   *
   * @param sessionId the session's id
   * @return its violations, in order; empty if none (or no such session)
   */
  public ImmutableList<Violation> violationsOf(String sessionId) {
    checkNotNull(sessionId, "sessionId");
    return violations().stream()
        .filter(v -> v.sessionId().filter(sessionId::equals).isPresent())
        .collect(ImmutableList.toImmutableList());
  }
}
