package org.balint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.balint.jdbc.JdbcStore;
import org.balint.method.Protocol;
import org.balint.method.Severity;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint import FILE... [--db JDBC_URL]}: stores {@code balint/1} documents.
 *
 * <p>Every file is read and checked before anything is stored: if one cannot be read, nothing is
 * stored (exit 2). Breaches of the method are stored as data with the document (a group of twelve
 * is stored). A document with a {@code confidentiality.*} error is refused whole: nothing of it is
 * stored, each problem is named, and {@code balint redact --document} is offered. Each document is
 * stored in one transaction and replaces what is stored for its group. Exit 1 when any document
 * was refused or has an {@code ERROR} violation, 0 otherwise, 3 on a storage failure.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Store balint/1 documents (each replaces what is stored for its group)."
            + " Documents with a patient identifier or without recorded consent are refused whole.")
final class ImportCommand implements Callable<Integer> {
  private static final String CONFIDENTIALITY = "confidentiality.";
  private static final int PROGRESS_THRESHOLD = 2_000;

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents to store.")
  private List<Path> files;

  @Mixin private StoreOption storeOption;

  @Mixin private ProtocolOption protocolOption;

  @Mixin private DocumentSizeOption size;

  @Override
  public Integer call() {
    Protocol protocol = protocolOption.resolve();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    DocumentFiles.Batch batch =
        DocumentFiles.readEach(
            files, BalintCommand.root(spec).stdin(), size.reader(), err, BalintCommand.root(spec).debug());
    if (batch.anyUnreadable) {
      err.println("balint: nothing was imported");
      return ExitCodes.BAD_INPUT;
    }
    List<Path> sources = batch.files;
    List<GroupRecord> records = batch.records;

    boolean refusedOrErrors = false;
    long contributions = records.stream().mapToLong(ImportCommand::contributions).sum();
    try (JdbcStore store = storeOption.open();
        ProgressBar progress = progressBar(contributions)) {
      for (int i = 0; i < records.size(); i++) {
        GroupRecord record = records.get(i);
        Path file = sources.get(i);
        ValidationReport report = protocol.validate(record);
        List<Violation> confidentiality = confidentialityErrors(report);
        if (!confidentiality.isEmpty()) {
          refusedOrErrors = true;
          for (Violation violation : confidentiality) {
            err.println("balint: " + file + ": " + where(violation) + violation.ruleId() + ": " + violation.message());
          }
          err.println("balint: " + file + ": refused, nothing of it was stored; "
              + "remove the identifiers with 'balint redact --document " + file + "' and record everyone's consent, then import again");
          continue;
        }
        store.groups().store(record, report.violations());
        if (progress != null) {
          progress.stepBy(contributions(record));
        }
        int errors = report.count(Severity.ERROR);
        refusedOrErrors |= errors > 0;
        out.printf("%s: stored group %s with %d session%s and %d contribution%s (%s)%n",
            file, record.group().id(), record.sessions().size(), record.sessions().size() == 1 ? "" : "s",
            contributions(record), contributions(record) == 1 ? "" : "s",
            FacilitatorReport.summary(report.violations()).replaceAll("\\.$", ""));
      }
    }
    out.flush();
    return refusedOrErrors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  private static List<Violation> confidentialityErrors(ValidationReport report) {
    return report.violations().stream()
        .filter(v -> v.ruleId().startsWith(CONFIDENTIALITY) && v.severity() == Severity.ERROR)
        .collect(Collectors.toList());
  }

  private static String where(Violation violation) {
    StringBuilder where = new StringBuilder();
    violation.sessionId().ifPresent(id -> where.append("session ").append(id));
    violation.contributionIndex().ifPresent(index -> where.append(", contribution ").append(index));
    return where.length() == 0 ? "" : where.append(": ").toString();
  }

  private static long contributions(GroupRecord record) {
    return record.sessions().stream().mapToLong(session -> session.contributions().size()).sum();
  }

  private static @Nullable ProgressBar progressBar(long contributions) {
    if (contributions < PROGRESS_THRESHOLD || System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("Importing")
        .setInitialMax(contributions)
        .setUnit(" contributions", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .continuousUpdate()
        .build();
  }
}
