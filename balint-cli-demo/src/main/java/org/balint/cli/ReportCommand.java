package org.balint.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.balint.method.Protocol;
import org.balint.method.ValidationReport;
import org.balint.report.HtmlReport;
import org.balint.session.GroupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint report FILE... --out REPORT.html [--protocol NAME] [--classifier NAME]}: writes one
 * self-contained HTML report of the documents' sessions (see {@link HtmlReport}).
 *
 * <p>Nothing is written when any file cannot be read (exit 2). Otherwise the report is written
 * whole (a new file owner-only) and the exit code is 1 when a document has an {@code ERROR}
 * violation, else 0, as for {@code validate}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write one self-contained HTML report of balint/1 documents, with its charts inside."
            + " Per session: the phases against the plan, who spoke and who was silent, the kinds"
            + " per phase, the breaches of the method and the fidelity. Across sessions: attendance,"
            + " cases, and the kinds and fidelity over time. It loads nothing from anywhere.")
final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents to report on.")
  private List<Path> files;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "REPORT.html",
      description =
          "Where the report goes (replaced if it exists; a new file is readable by you only).")
  private Path out;

  @Mixin private ProtocolOption protocolOption;

  @Mixin private ClassifierOption classifier;

  @Mixin private DocumentSizeOption size;

  @Override
  public Integer call() {
    List<GroupRecord> records =
        ResearchDocuments.records(ResearchDocuments.readAll(files, size.reader(), spec));
    HtmlReport report =
        HtmlReport.builder()
            .protocol(protocolOption.resolve())
            .classifier(
                BatchClassifier.of(classifier.classifier(), spec)
                    .decidedAhead(records, phase -> true))
            .build();
    List<ValidationReport> reports = write(out, report, records);
    PrintWriter stdout = spec.commandLine().getOut();
    int sessions = records.stream().mapToInt(record -> record.sessions().size()).sum();
    stdout.printf(
        "Report of %d session%s written to %s%n",
        sessions, sessions == 1 ? "" : "s", out.toAbsolutePath().normalize());
    stdout.flush();
    return reports.stream().anyMatch(ValidationReport::hasErrors)
        ? ExitCodes.VIOLATIONS
        : ExitCodes.OK;
  }

  /**
   * Writes the demo's report into the demo's own folder, or, when it has none (the demo was given a
   * database), into a new folder of its own under the system's temporary folder (readable by the
   * user only): next to nothing the user owns.
   *
   * @param record the demo's group record
   * @param protocol the protocol the demo checked it against
   * @param demoFolder the folder of the demo's own database, if it has one
   * @return the report's file
   * @throws CliFailure with exit code 2 if it cannot be written
   */
  static Path writeDemoReport(GroupRecord record, Protocol protocol, Optional<Path> demoFolder) {
    Path folder;
    try {
      folder =
          demoFolder.isPresent() ? demoFolder.get() : Files.createTempDirectory("balint-demo-");
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, "cannot make a folder for the demo's report: " + e.getMessage(), e);
    }
    Path file = folder.resolve("report.html");
    write(file, HtmlReport.builder().protocol(protocol).build(), List.of(record));
    return file;
  }

  /**
   * Writes the report of some documents to a file, whole (see {@link OutputFile}).
   *
   * @param file where it goes
   * @param report the report writer
   * @param records the documents
   * @return each document's validation report
   * @throws CliFailure with exit code 2 if the file cannot be written
   */
  static List<ValidationReport> write(Path file, HtmlReport report, List<GroupRecord> records) {
    List<ValidationReport> reports = new ArrayList<>();
    OutputFile.write(
        file,
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          reports.addAll(report.write(records, writer));
          writer.flush();
        });
    return reports;
  }
}
