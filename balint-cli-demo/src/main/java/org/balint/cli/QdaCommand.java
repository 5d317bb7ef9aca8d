package org.balint.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint qda export|import}: REFI-QDA projects (QDA-XML 1.0, the exchange format of NVivo,
 * ATLAS.ti, MAXQDA and others) out of {@code balint/1} documents, and a coder's codings back in.
 */
@Command(
    name = "qda",
    mixinStandardHelpOptions = true,
    description =
        "Exchange sessions with qualitative-analysis programs such as NVivo, ATLAS.ti and MAXQDA, as REFI-QDA projects.",
    subcommands = {QdaCommand.Export.class, QdaCommand.Import.class})
final class QdaCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** {@code balint qda export FILE... --out PROJECT.qdpx [--suggest] [--pseudonymise]}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write a REFI-QDA project: each session a plain-text source (one contribution a line,"
              + " speaker: text), the seven kinds as codes, each coded contribution a selection coded with"
              + " its kind, leaders and members as cases. Nothing is written if any FILE cannot be read.")
  static final class Export implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "balint/1 documents.")
    private List<Path> files;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "PROJECT.qdpx",
        description = "The project file to write (replaced if it exists).")
    private Path out;

    @Option(
        names = "--suggest",
        description =
            "Also code each uncoded contribution with the classifier's kind, as the user"
                + " 'balint classifier', for a coder to accept or change.")
    private boolean suggest;

    @Option(
        names = "--pseudonymise",
        description =
            "Name the cases, and replace roster names in the texts, by stable pseudonyms (Leader 1,"
                + " Member 1, ... in roster order). qda import still takes such a project back.")
    private boolean pseudonymise;

    @Mixin private ClassifierOption classifierOption;

    @Mixin private DocumentSizeOption size;

    @Override
    public Integer call() {
      List<ResearchDocuments.Document> documents =
          ResearchDocuments.readAll(files, size.reader(), spec);
      String name = out.getFileName().toString().replaceFirst("(?i)\\.qdpx$", "");
      QdaExport project =
          new QdaExport(
              name,
              suggest
                  ? BatchClassifier.of(classifierOption.classifier(), spec)
                      .decidedAhead(ResearchDocuments.records(documents), phase -> true)
                  : null,
              pseudonymise);
      for (ResearchDocuments.Document document : documents) {
        project.add(document.record);
      }
      OutputFile.write(out, project::writeTo);
      spec.commandLine().getErr().println("balint: wrote " + out);
      return ExitCodes.OK;
    }
  }

  /** {@code balint qda import PROJECT.qdpx --documents FILE... --out DIR}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Read a coder's codings in a REFI-QDA project back onto the documents it was exported"
              + " from, and write each document to DIR under its file name. A project that does not match"
              + " the documents is refused, naming what does not match.")
  static final class Import implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.qdpx", description = "The project.")
    private Path project;

    @Option(
        names = "--documents",
        required = true,
        arity = "1..*",
        paramLabel = "FILE",
        description = "The balint/1 documents the project was exported from.")
    private List<Path> files;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "The folder to write the documents into (created if missing).")
    private Path out;

    @Mixin private DocumentSizeOption size;

    @Override
    public Integer call() {
      List<ResearchDocuments.Document> documents =
          ResearchDocuments.readAll(files, size.reader(), spec);
      Map<String, Path> names = new HashMap<>();
      for (ResearchDocuments.Document document : documents) {
        String name = document.file.getFileName().toString();
        Path other = names.putIfAbsent(name, document.file);
        if (other != null) {
          throw new CliFailure(
              ExitCodes.BAD_INPUT,
              document.file + " and " + other + " would both be written to " + out.resolve(name));
        }
        if (sameFile(out.resolve(name), document.file)) {
          throw new CliFailure(
              ExitCodes.BAD_INPUT,
              document.file
                  + ": --out would write over the document itself; choose another folder");
        }
      }
      ImmutableList<GroupRecord> coded = QdaImport.apply(QdaProject.read(project), documents);
      OutputFiles output = new OutputFiles();
      for (int i = 0; i < documents.size(); i++) {
        GroupRecord record = coded.get(i);
        output.add(
            documents.get(i).file.getFileName().toString(),
            stream -> BalintJson.write(record, stream));
      }
      output.writeInto(out);
      spec.commandLine()
          .getErr()
          .println(
              "balint: wrote "
                  + documents.size()
                  + " document"
                  + (documents.size() == 1 ? "" : "s")
                  + " to "
                  + out);
      return ExitCodes.OK;
    }

    private static boolean sameFile(Path a, Path b) {
      try {
        return Files.exists(a) && Files.isSameFile(a, b);
      } catch (IOException e) {
        return false;
      }
    }
  }
}
