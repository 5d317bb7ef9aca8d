package org.balint.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import org.balint.json.BalintJsonReader;
import org.balint.session.GroupRecord;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code balint/1} documents a research command works on, read in full before anything is
 * written: one unreadable file and the command writes nothing.
 */
final class ResearchDocuments {
  /** One document and the file it came from. */
  static final class Document {
    final Path file;
    final GroupRecord record;

    Document(Path file, GroupRecord record) {
      this.file = file;
      this.record = record;
    }
  }

  private ResearchDocuments() {}

  /**
   * Reads every file, or none.
   *
   * @param files the files, in order
   * @param reader the reader, with the size limit the user chose
   * @param spec the command's spec (for its error writer and {@code --debug})
   * @return the documents, in the order of the files
   * @throws CliFailure with exit code 2 after each problem has been printed on its own line
   */
  static ImmutableList<Document> readAll(
      List<Path> files, BalintJsonReader reader, CommandSpec spec) {
    DocumentFiles.Batch batch =
        DocumentFiles.readEach(
            files,
            BalintCommand.root(spec).stdin(),
            reader,
            spec.commandLine().getErr(),
            BalintCommand.root(spec).debug());
    if (batch.anyUnreadable) {
      int bad = files.size() - batch.records.size();
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "nothing written: "
              + bad
              + " of "
              + files.size()
              + " file"
              + (files.size() == 1 ? "" : "s")
              + " could not be read");
    }
    ImmutableList.Builder<Document> documents = ImmutableList.builder();
    for (int i = 0; i < batch.records.size(); i++) {
      documents.add(new Document(batch.files.get(i), batch.records.get(i)));
    }
    return documents.build();
  }

  /**
   * The documents' group records.
   *
   * @param documents the documents
   * @return their records, in the same order
   */
  static ImmutableList<GroupRecord> records(List<Document> documents) {
    return documents.stream()
        .map(document -> document.record)
        .collect(ImmutableList.toImmutableList());
  }
}
