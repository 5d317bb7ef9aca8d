package org.balint.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.balint.jdbc.JdbcStore;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.method.Protocol;
import org.balint.method.Severity;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.store.RecordMerge;
import org.balint.store.Versioned;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint import FILE... [--db JDBC_URL] [--replace [--yes]]}: stores {@code balint/1}
 * documents.
 *
 * <p>Every file is read and checked before anything is stored: if one cannot be read, nothing is
 * stored (exit 2). Breaches of the method are stored as data with the document (a group of twelve
 * is stored). A document with a {@code confidentiality.*} error is refused whole: nothing of it is
 * stored, each problem is named, and {@code balint redact --document} is offered.
 *
 * <p>By default a document is merged into what is stored ({@link
 * org.balint.store.GroupRepository#merge}): its people are added or updated, its sessions stored
 * whole, and the stored people and sessions it does not mention stay; the command says what it did.
 * With {@code --replace} the stored group becomes exactly the document: what that would delete is
 * listed first, and deleted only with {@code --yes} or a confirmation typed at a terminal. Without
 * either (a script, a pipe) nothing of that document is stored, and the command ends with exit 2
 * once the other documents are stored.
 *
 * <p>Exit 1 when any document was refused or has an {@code ERROR} violation, 2 when a replacement
 * was not confirmed, 0 otherwise, 3 on a storage failure.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Store balint/1 documents, merging each into what is stored of its group (people added"
            + " or updated, sessions added or replaced; nothing stored is deleted). With --replace"
            + " the stored group becomes exactly the document, after a list of what would be"
            + " deleted and a confirmation (--yes, or typed at a terminal; otherwise nothing is"
            + " deleted and the exit code is 2). Documents with a patient identifier or without"
            + " recorded consent are refused whole.")
final class ImportCommand implements Callable<Integer> {
  private static final String CONFIDENTIALITY = "confidentiality.";
  private static final int PROGRESS_THRESHOLD = 2_000;

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents to store.")
  private List<Path> files;

  @Option(
      names = "--replace",
      description = "Make each stored group exactly its document, deleting what it does not hold.")
  private boolean replace;

  @Option(names = "--yes", description = "With --replace: delete without asking.")
  private boolean yes;

  @Mixin private StoreOption storeOption;

  @Mixin private ProtocolOption protocolOption;

  @Mixin private DocumentSizeOption size;

  @Override
  public Integer call() {
    if (yes && !replace) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, "--yes is only for --replace: a merge deletes nothing");
    }
    Protocol protocol = protocolOption.resolve();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    DocumentFiles.Batch batch =
        DocumentFiles.readEach(
            files,
            BalintCommand.root(spec).stdin(),
            size.reader(),
            err,
            BalintCommand.root(spec).debug());
    if (batch.anyUnreadable) {
      err.println("balint: nothing was imported");
      return ExitCodes.BAD_INPUT;
    }
    List<Path> sources = batch.files;
    List<GroupRecord> records = batch.records;

    boolean refusedOrErrors = false;
    boolean unconfirmed = false;
    long contributions = records.stream().mapToLong(ImportCommand::contributions).sum();
    // The store is opened first, so that a wrong --db is said before any classification.
    try (JdbcStore store = storeOption.openOrCreate()) {
      // The rules ask for the kinds of contributions after the presentation only.
      ContributionClassifier classifier =
          BatchClassifier.of(ContributionClassifiers.defaultClassifier(), spec)
              .decidedAhead(records, Phase::isAfterPresentation);
      try (ProgressBar progress = progressBar(contributions)) {
        for (int i = 0; i < records.size(); i++) {
          GroupRecord record = records.get(i);
          Path file = sources.get(i);
          ValidationReport report = protocol.validate(record, classifier);
          List<Violation> confidentiality = confidentialityErrors(report);
          if (!confidentiality.isEmpty()) {
            refusedOrErrors = true;
            for (Violation violation : confidentiality) {
              err.println(
                  "balint: "
                      + file
                      + ": "
                      + where(violation)
                      + violation.ruleId()
                      + ": "
                      + violation.message());
            }
            err.println(
                "balint: "
                    + file
                    + ": refused, nothing of it was stored; "
                    + "remove the identifiers with 'balint redact --document "
                    + file
                    + "' and record everyone's consent, then import again");
            continue;
          }
          List<Violation> stored;
          if (replace) {
            Optional<List<Violation>> replaced = replace(store, file, record, report, out, err);
            if (replaced.isEmpty()) {
              unconfirmed = true;
              continue;
            }
            stored = replaced.get();
          } else {
            stored = merge(store, file, record, protocol, classifier, out);
          }
          if (progress != null) {
            progress.stepBy(contributions(record));
          }
          refusedOrErrors |= stored.stream().anyMatch(v -> v.severity() == Severity.ERROR);
        }
      }
    }
    out.flush();
    err.flush();
    if (unconfirmed) {
      return ExitCodes.BAD_INPUT;
    }
    return refusedOrErrors ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  /** Merges a document and says what the merge did; returns the violations stored. */
  private static List<Violation> merge(
      JdbcStore store,
      Path file,
      GroupRecord record,
      Protocol protocol,
      ContributionClassifier classifier,
      PrintWriter out) {
    List<Violation> found = new ArrayList<>();
    Versioned<RecordMerge> merged =
        store
            .groups()
            .merge(
                record,
                whole -> {
                  found.clear();
                  found.addAll(protocol.validate(whole, classifier).violations());
                  return List.copyOf(found);
                });
    RecordMerge merge = merged.value();
    out.printf(
        "%s: merged into group %s: %s added, %s updated; %s added, %s replaced, %s kept (%s)%n",
        file,
        record.group().id(),
        count(merge.peopleAdded().size(), "person", "people"),
        merge.peopleUpdated().size(),
        count(merge.sessionsAdded().size(), "session", "sessions"),
        merge.sessionsReplaced().size(),
        merge.sessionsKept().size(),
        FacilitatorReport.summary(found).replaceAll("\\.$", ""));
    return found;
  }

  /**
   * Replaces the stored group by a document once what that deletes is confirmed; returns the
   * violations stored, or empty if the deletion was not confirmed and nothing was stored.
   */
  private Optional<List<Violation>> replace(
      JdbcStore store,
      Path file,
      GroupRecord record,
      ValidationReport report,
      PrintWriter out,
      PrintWriter err) {
    String groupId = record.group().id();
    Optional<Versioned<GroupRecord>> stored = store.groups().findRecord(groupId);
    RecordMerge comparison = RecordMerge.of(stored.map(Versioned::value), record);
    if (comparison.replacingDeletes()) {
      err.println(
          "balint: "
              + file
              + ": --replace would delete from group "
              + groupId
              + ": "
              + deletions(comparison));
      if (!yes && !confirmed(err)) {
        err.println(
            "balint: "
                + file
                + ": nothing of it was stored and nothing deleted; "
                + "add --yes to delete, or import without --replace to merge");
        return Optional.empty();
      }
    }
    long version =
        store
            .groups()
            .replace(
                record,
                report.violations(),
                stored.map(Versioned::version).orElse(Versioned.ABSENT));
    out.printf(
        "%s: stored group %s with %s and %s, replacing what was stored%s (version %d; %s)%n",
        file,
        groupId,
        count(record.sessions().size(), "session", "sessions"),
        count(contributions(record), "contribution", "contributions"),
        comparison.replacingDeletes() ? " (deleted: " + deletions(comparison) + ")" : "",
        version,
        FacilitatorReport.summary(report.violations()).replaceAll("\\.$", ""));
    return Optional.of(report.violations());
  }

  /** {@code 2 sessions (a, b) with their attendance and contributions; 1 person (m3)}. */
  private static String deletions(RecordMerge comparison) {
    List<String> parts = new ArrayList<>();
    if (!comparison.sessionsKept().isEmpty()) {
      parts.add(
          count(comparison.sessionsKept().size(), "session", "sessions")
              + " ("
              + String.join(", ", comparison.sessionsKept())
              + ") with their attendance and contributions");
    }
    if (!comparison.peopleKept().isEmpty()) {
      parts.add(
          count(comparison.peopleKept().size(), "person", "people")
              + " of the roster ("
              + String.join(", ", comparison.peopleKept())
              + ")");
    }
    return String.join("; ", parts);
  }

  /** Asks at a terminal; without one (a script, a pipe) the answer is no. */
  private static boolean confirmed(PrintWriter err) {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    err.flush();
    String answer = console.readLine("Delete them? [y/N] ");
    return answer != null
        && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
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
