package org.balint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.balint.language.Classification;
import org.balint.language.ClassifierEvaluation;
import org.balint.language.LabelledContribution;
import org.balint.language.ContributionClassifier;
import org.balint.language.Cue;
import org.balint.method.ProtocolParameters;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint classify [FILE] [--format text|json]}: classifies contributions read as JSON Lines
 * ({@code text}, optional {@code phase} and {@code role}) and says which cues decided each.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Classify contributions (JSON Lines with text, optional phase and role) into the seven kinds,"
            + " with the cues that decided each. Reads FILE, or standard input when FILE is absent or -.")
final class ClassifyCommand implements Callable<Integer> {
  private static final Set<String> FIELDS = Set.of("text", "phase", "role", "kind");

  @Spec private CommandSpec spec;

  @Mixin private InputSource input;

  @Option(
      names = "--evaluate",
      paramLabel = "FILE",
      description =
          "Read labelled JSON Lines (text, kind, optional phase and role) and print the confusion"
              + " matrix, per-kind precision, recall and F1, accuracy and macro-F1.")
  private @Nullable Path evaluate;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (one line a contribution) or json (JSON Lines: text, kind, cues).")
  private ReportFormat format;

  @Mixin private ClassifierOption classifier;

  @Override
  public Integer call() {
    if (evaluate != null) {
      if (input.file() != null) {
        throw new CliFailure(ExitCodes.BAD_INPUT, "give either FILE or --evaluate FILE, not both");
      }
      return evaluate(evaluate);
    }
    ContributionClassifier classifier = this.classifier.classifier();
    PrintWriter out = spec.commandLine().getOut();
    try (JsonLinesInput lines =
        JsonLinesInput.open(input.file(), BalintCommand.root(spec).stdin(), FIELDS)) {
      for (JsonLinesInput.Line line : lines.lines()) {
        String text = lines.requiredText(line, "text");
        Optional<Phase> phase = lines.optionalEnum(line, "phase", Phase.class);
        Optional<SpeakerRole> role = lines.optionalEnum(line, "role", SpeakerRole.class);
        Classification result = classifier.classify(text, phase, role);
        out.println(format == ReportFormat.json ? toJson(text, result) : toText(text, result));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private int evaluate(Path labelled) {
    List<LabelledContribution> examples = new ArrayList<>();
    String source;
    try (JsonLinesInput input =
        JsonLinesInput.open(labelled, BalintCommand.root(spec).stdin(), FIELDS)) {
      source = input.source();
      for (JsonLinesInput.Line line : input.lines()) {
        examples.add(
            LabelledContribution.builder()
                .text(input.requiredText(line, "text"))
                .phase(input.optionalEnum(line, "phase", Phase.class))
                .role(input.optionalEnum(line, "role", SpeakerRole.class))
                .kind(input.requiredEnum(line, "kind", ContributionKind.class))
                .build());
      }
    }
    if (examples.isEmpty()) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no labelled contributions to evaluate");
    }
    ClassifierEvaluation evaluation =
        ClassifierEvaluation.of(classifier.classifier(), examples);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d labelled contributions%n%n", source, examples.size());
    out.print(evaluation.toTable());
    out.flush();
    return ExitCodes.OK;
  }

  private static String toText(String text, Classification result) {
    String cues =
        result.cues().stream()
            // A cue without a span (a labelled example like the text) is shown by its name.
            .map(
                cue ->
                    cue.end() > cue.start()
                        ? "\"" + cue.matched() + "\" (" + cue.name() + ")"
                        : cue.name())
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%-12s %s%n             confidence: %.2f%s%n             cues: %s",
        result.kind(),
        text.replaceAll("\\s+", " "),
        result.confidence(),
        isUncertain(result) ? " (uncertain: below the protocol's minimum, no rule counts it)" : "",
        cues.isEmpty() ? "none (a default for the phase and role)" : cues);
  }

  /** Whether the standard protocol's rules would leave the classification uncounted. */
  private static boolean isUncertain(Classification result) {
    return result.confidence() < ProtocolParameters.DEFAULT_MINIMUM_CONFIDENCE;
  }

  private static String toJson(String text, Classification result) {
    ObjectNode line = JsonLines.object();
    line.put("text", text);
    line.put("kind", result.kind().name());
    line.put("confidence", Math.round(result.confidence() * 1000) / 1000.0);
    line.put("uncertain", isUncertain(result));
    ArrayNode cues = line.putArray("cues");
    for (Cue cue : result.cues()) {
      cues.addObject()
          .put("cue", cue.name())
          .put("kind", cue.kind().name())
          .put("text", cue.matched())
          .put("start", cue.start())
          .put("end", cue.end());
    }
    return JsonLines.line(line);
  }
}
