package org.balint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.balint.language.ContributionClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint tables FILE... --out DIR [--no-text] [--pseudonymise]}: the tidy CSV tables for R
 * and pandas, described column by column in {@code docs/researchers.md}.
 *
 * <p>Every file is read before anything is written; one that cannot be read and nothing is written
 * (exit 2). The tables are written in full beside {@code DIR} and then moved into it. As for {@code
 * validate}, the exit code is 1 when the tables are written and a document has an {@code ERROR}
 * violation, 0 when none has.
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description =
        "Write tidy CSV tables for R and pandas: groups, people, sessions, attendance,"
            + " contributions and violations, one CSV file each (the data dictionary is in"
            + " docs/researchers.md). Nothing is written if any FILE cannot be read.")
final class TablesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents.")
  private List<Path> files;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "The folder to write the tables into (created if missing; tables of the same name are replaced).")
  private Path out;

  @Option(names = "--no-text", description = "Leave the text column of contributions.csv empty.")
  private boolean noText;

  @Option(
      names = "--pseudonymise",
      description =
          "Replace the names of leaders and members in texts and violation messages by stable"
              + " pseudonyms (Leader 1, Member 1, ... in roster order); ids are kept.")
  private boolean pseudonymise;

  @Mixin private ProtocolOption protocolOption;

  @Mixin private ClassifierOption classifierOption;

  @Mixin private DocumentSizeOption size;

  @Override
  public Integer call() {
    List<ResearchDocuments.Document> documents =
        ResearchDocuments.readAll(files, size.reader(), spec);
    ContributionClassifier classifier =
        BatchClassifier.of(classifierOption.classifier(), spec)
            .decidedAhead(ResearchDocuments.records(documents), phase -> true);
    ResearchTables tables =
        new ResearchTables(protocolOption.resolve(), classifier, !noText, pseudonymise);
    for (ResearchDocuments.Document document : documents) {
      tables.add(document.file.toString(), document.record);
    }
    OutputFiles output = new OutputFiles();
    for (CsvTable table : tables.all()) {
      output.add(table.name(), table::writeTo);
    }
    output.writeInto(out);
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "balint: wrote "
            + tables.all().size()
            + " tables for "
            + documents.size()
            + " document"
            + (documents.size() == 1 ? "" : "s")
            + " to "
            + out);
    err.flush();
    return tables.hasErrors() ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }
}
