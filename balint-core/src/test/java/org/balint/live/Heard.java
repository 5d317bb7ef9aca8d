package org.balint.live;

import java.util.ArrayList;
import java.util.List;
import org.balint.method.Violation;
import org.balint.session.Phase;

/** A listener that keeps everything it hears, in order. */
final class Heard implements SessionListener {
  final List<Violation> violations = new ArrayList<>();
  final List<Prompt> prompts = new ArrayList<>();
  final List<TimingWarning> warnings = new ArrayList<>();
  final List<String> phases = new ArrayList<>();
  final List<String> notices = new ArrayList<>();

  @Override
  public void onNotice(String notice) {
    notices.add(notice);
  }

  @Override
  public void onViolation(Violation violation) {
    violations.add(violation);
  }

  @Override
  public void onPrompt(Prompt prompt) {
    prompts.add(prompt);
  }

  @Override
  public void onTimingWarning(TimingWarning warning) {
    warnings.add(warning);
  }

  @Override
  public void onPhaseEntered(int caseIndex, Phase phase) {
    phases.add(caseIndex + ":" + phase);
  }

  List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    violations.forEach(v -> ids.add(v.ruleId()));
    return ids;
  }
}
