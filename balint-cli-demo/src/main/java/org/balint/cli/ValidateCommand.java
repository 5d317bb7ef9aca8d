package org.balint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.balint.method.Protocol;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint validate FILE... [--format text|json] [--protocol NAME]}: checks {@code balint/1}
 * documents against a protocol of the method.
 *
 * <p>Every file is processed, one at a time: read, checked and reported before the next is read
 * ({@code -} reads standard input); a file's uncoded contributions are classified on every
 * processor (see {@link BatchClassifier}). Exit 2 if any could not be read, otherwise 1 if any
 * {@code ERROR} violation was found, otherwise 0.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check balint/1 documents against the rules of the Balint method.")
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents to check.")
  private List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (a facilitator's report) or json (JSON Lines, one violation a line).")
  private ReportFormat format;

  @Mixin private ProtocolOption protocolOption;

  @Mixin private ClassifierOption classifier;

  @Mixin private DocumentSizeOption size;

  /** Whether any document read so far has an {@code ERROR} violation. */
  private boolean anyErrors;

  @Override
  public Integer call() {
    Protocol protocol = protocolOption.resolve();
    PrintWriter out = spec.commandLine().getOut();
    ViolationLines lines = new ViolationLines(out);
    FacilitatorReport report = new FacilitatorReport(out, protocol);
    BatchClassifier batch = BatchClassifier.of(classifier.classifier(), spec);
    boolean allRead =
        DocumentFiles.forEach(
            files,
            BalintCommand.root(spec).stdin(),
            size.reader(),
            spec.commandLine().getErr(),
            BalintCommand.root(spec).debug(),
            (file, record) -> {
              // The rules ask for the kinds of contributions after the presentation only.
              ValidationReport result =
                  protocol.validate(
                      record, batch.decidedAhead(List.of(record), Phase::isAfterPresentation));
              anyErrors |= result.hasErrors();
              if (format == ReportFormat.json) {
                for (Violation violation : result.violations()) {
                  lines.write(file.toString(), violation);
                }
              } else {
                report.write(file.toString(), record, result);
              }
              out.flush();
            });
    if (!allRead) {
      return ExitCodes.BAD_INPUT;
    }
    return anyErrors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }
}
