package org.balint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.balint.jdbc.JdbcStore;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint export GROUP_ID [--db JDBC_URL] [--out FILE]}: writes a stored group with its
 * sessions back as a {@code balint/1} document, to standard output or to a file (written as {@code
 * cp} writes, see {@link OutputFile}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a stored group with its sessions as a balint/1 document.")
final class ExportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GROUP_ID", description = "The id of the group to export.")
  private String groupId;

  @Mixin private StoreOption storeOption;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  private @Nullable Path outFile;

  @Override
  public Integer call() {
    GroupRecord record;
    try (JdbcStore store = storeOption.open()) {
      record =
          store
              .groups()
              .findRecord(groupId)
              .orElseThrow(
                  () ->
                      new CliFailure(
                          ExitCodes.BAD_INPUT,
                          "no group \"" + groupId + "\" in " + storeOption.describe()))
              .value();
    }
    if (outFile == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(BalintJson.write(record));
      out.flush();
    } else {
      OutputFile.write(outFile, out -> BalintJson.write(record, out));
    }
    return ExitCodes.OK;
  }
}
