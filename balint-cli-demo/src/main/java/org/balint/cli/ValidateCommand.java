package org.balint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.balint.method.Protocol;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
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
 * <p>Every file is processed. Exit 2 if any could not be read, otherwise 1 if any {@code ERROR}
 * violation was found, otherwise 0.
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

  @Override
  public Integer call() {
    Protocol protocol = protocolOption.resolve();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ViolationLines lines = new ViolationLines(out);
    FacilitatorReport report = new FacilitatorReport(out, protocol);
    DocumentFiles.Batch batch = DocumentFiles.readEach(files, err, BalintCommand.root(spec).debug());
    boolean errors = false;
    for (int i = 0; i < batch.records.size(); i++) {
      GroupRecord record = batch.records.get(i);
      String file = batch.files.get(i).toString();
      ValidationReport result = protocol.validate(record, classifier.classifier());
      errors |= result.hasErrors();
      if (format == ReportFormat.json) {
        for (Violation violation : result.violations()) {
          lines.write(file, violation);
        }
      } else {
        report.write(file, record, result);
      }
    }
    out.flush();
    if (batch.anyUnreadable) {
      return ExitCodes.BAD_INPUT;
    }
    return errors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }
}
