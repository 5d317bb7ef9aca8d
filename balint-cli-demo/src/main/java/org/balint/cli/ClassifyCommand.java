package org.balint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
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
import org.balint.language.Cue;
import org.balint.method.ProtocolParameters;
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
 * ({@code text}, optional {@code phase} and {@code role}) and says which cues decided each. An
 * {@code id} and any other field of a line are written back with its classification, so the output
 * joins back to the input. Lines are classified in batches on every processor ({@link
 * BatchClassifier}) and written in input order. With {@code --evaluate}, compares a coding with the
 * classifier, or with another coding ({@code --against}): see {@link CodingComparison}.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Classify contributions (JSON Lines with text, optional phase and role) into the seven kinds,"
            + " with the cues that decided each. Reads FILE, or standard input when FILE is absent or -."
            + " An id field, and any other field, is written back with the classification.")
final class ClassifyCommand implements Callable<Integer> {
  /** The fields of an output line; input fields of the same names are replaced, others kept. */
  private static final Set<String> OUTPUT_FIELDS =
      Set.of("id", "text", "kind", "confidence", "uncertain", "cues");

  /**
   * The most lines classified together: enough to keep every processor busy, few enough that output
   * follows input closely. Input that is not ready yet (someone typing) ends a batch early.
   */
  private static final int BATCH = 1024;

  @Spec private CommandSpec spec;

  @Mixin private InputSource input;

  @Option(
      names = "--evaluate",
      paramLabel = "FILE",
      description =
          "Read coded contributions (JSON Lines with text, kind, optional id, phase and role; or a"
              + " balint/1 document's coded contributions) and compare them with the classifier: the"
              + " confusion matrix, per-kind precision, recall and F1, accuracy, macro-F1, Cohen's kappa"
              + " and the disagreements by id (all of them with --format json).")
  private @Nullable Path evaluate;

  @Option(
      names = "--against",
      paramLabel = "OTHER",
      description =
          "With --evaluate: compare with another coder's coding instead of the classifier."
              + " Contributions are joined by id (JSON Lines: an id on each line; documents: SESSION/INDEX).")
  private @Nullable Path against;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "text (one line a contribution) or json (JSON Lines: id, text, kind, cues, other input fields; with --evaluate, one JSON object).")
  private ReportFormat format;

  @Mixin private ClassifierOption classifier;

  @Override
  public Integer call() {
    if (evaluate != null) {
      if (input.file() != null) {
        throw new CliFailure(ExitCodes.BAD_INPUT, "give either FILE or --evaluate FILE, not both");
      }
      CodingComparison comparison = new CodingComparison(spec.commandLine().getOut(), format);
      InputStream stdin = BalintCommand.root(spec).stdin();
      if (against == null) {
        return comparison.againstClassifier(
            evaluate, stdin, BatchClassifier.of(classifier.classifier(), spec));
      }
      if (DocumentFiles.isStdin(evaluate) && DocumentFiles.isStdin(against)) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT, "--evaluate and --against cannot both read standard input");
      }
      return comparison.againstCoder(evaluate, against, stdin);
    }
    if (against != null) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, "--against OTHER compares codings: give it with --evaluate FILE");
    }
    BatchClassifier batch = BatchClassifier.streaming(classifier.classifier(), spec);
    List<ObjectNode> inputs = new ArrayList<>();
    List<BatchClassifier.Request> requests = new ArrayList<>();
    try (JsonLinesInput lines =
        JsonLinesInput.open(input.file(), BalintCommand.root(spec).stdin(), null)) {
      for (JsonLinesInput.Line line : lines.lines()) {
        String text = lines.requiredText(line, "text");
        Optional<Phase> phase = lines.optionalEnum(line, "phase", Phase.class);
        Optional<SpeakerRole> role = lines.optionalEnum(line, "role", SpeakerRole.class);
        JsonNode id = line.object.get("id");
        if (id != null && !id.isValueNode()) {
          throw new CliFailure(
              ExitCodes.BAD_INPUT,
              lines.source()
                  + ":"
                  + line.number
                  + ": $.id: expected a string or a number but was "
                  + id);
        }
        inputs.add(line.object);
        requests.add(new BatchClassifier.Request(text, phase, role));
        if (requests.size() == BATCH || lines.mayWait()) {
          write(batch, inputs, requests);
        }
      }
    } catch (CliFailure badLine) {
      // The lines before a bad one are written, as they would be one at a time.
      write(batch, inputs, requests);
      throw badLine;
    }
    write(batch, inputs, requests);
    return ExitCodes.OK;
  }

  /** Classifies the lines held, writes them in input order, and lets them go. */
  private void write(
      BatchClassifier batch, List<ObjectNode> inputs, List<BatchClassifier.Request> requests) {
    PrintWriter out = spec.commandLine().getOut();
    List<Classification> results = batch.classifyAll(requests);
    for (int i = 0; i < results.size(); i++) {
      String text = requests.get(i).text();
      out.println(
          format == ReportFormat.json
              ? toJson(inputs.get(i), text, results.get(i))
              : toText(inputs.get(i), text, results.get(i)));
    }
    out.flush();
    inputs.clear();
    requests.clear();
  }

  private static String toText(ObjectNode input, String text, Classification result) {
    String cues =
        result.cues().stream()
            // A cue without a span (a labelled example like the text) is shown by its name.
            .map(
                cue ->
                    cue.end() > cue.start()
                        ? "\"" + cue.matched() + "\" (" + cue.name() + ")"
                        : cue.name())
            .collect(Collectors.joining(", "));
    JsonNode id = input.get("id");
    return String.format(
        Locale.ROOT,
        "%s%-12s %s%n             confidence: %.2f%s%n             cues: %s",
        id == null ? "" : "[" + id.asText() + "] ",
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

  private static String toJson(ObjectNode input, String text, Classification result) {
    ObjectNode line = JsonLines.object();
    if (input.has("id")) {
      line.set("id", input.get("id"));
    }
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
    input
        .fields()
        .forEachRemaining(
            field -> {
              if (!OUTPUT_FIELDS.contains(field.getKey())) {
                line.set(field.getKey(), field.getValue());
              }
            });
    return JsonLines.line(line);
  }
}
