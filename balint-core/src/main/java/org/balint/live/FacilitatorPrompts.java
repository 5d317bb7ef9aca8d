package org.balint.live;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import org.balint.method.Rule;
import org.balint.session.Phase;

/**
 * The facilitator's prompts, drawn from the method: one for entering each phase, and for a breach
 * the breached rule's {@link Rule#guidance() guidance}. The phase prompts follow the Bradford VTS
 * tips for the Balint facilitator: explore the relationship rather than the clinical question,
 * encourage imagination and speculation, this is not about right or wrong practice, protect the
 * presenter's silence, keep to the presented case.
 */
public final class FacilitatorPrompts {
  private static final ImmutableMap<Phase, String> BY_PHASE = byPhase();

  private FacilitatorPrompts() {}

  private static ImmutableMap<Phase, String> byPhase() {
    Map<Phase, String> prompts = new EnumMap<>(Phase.class);
    prompts.put(
        Phase.OPENING,
        "Welcome the group and ask who has a case: a patient who has stayed on their mind.");
    prompts.put(
        Phase.PRESENTATION,
        "Let the presenter tell the story from memory, without notes, while the group listens.");
    prompts.put(
        Phase.QUESTIONS,
        "Keep the questions brief and factual; the group's ideas can wait for the discussion.");
    prompts.put(
        Phase.DISCUSSION,
        "Invite the presenter to push back and listen in silence. Encourage the group to imagine"
            + " the patient, the doctor and their relationship: this is not about right or wrong"
            + " practice.");
    prompts.put(
        Phase.PRESENTER_RETURNS,
        "Invite the presenter back into the group: what struck them in what they heard?");
    prompts.put(
        Phase.CLOSING,
        "Close the case: thank the presenter, and remind the group that what was said stays in"
            + " the room.");
    return ImmutableMap.copyOf(prompts);
  }

  /**
   * The prompt for entering a phase.
   *
   * @param phase the phase entered
   * @return the prompt, carrying the phase
   */
  public static Prompt forPhase(Phase phase) {
    checkNotNull(phase, "phase");
    return Prompt.builder().text(requireNonNull(BY_PHASE.get(phase))).phase(phase).build();
  }

  /**
   * The prompt for a breach of a rule: the rule's guidance.
   *
   * @param rule the rule breached
   * @return the prompt, carrying the rule's id
   */
  public static Prompt forRule(Rule rule) {
    checkNotNull(rule, "rule");
    return Prompt.builder().text(rule.guidance()).ruleId(rule.id()).build();
  }
}
