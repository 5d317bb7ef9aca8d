package org.balint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.balint.json.BalintFormatException;
import org.balint.json.BalintJsonReader;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code balint/1} documents from files or standard input ({@code -}), turning every failure
 * into one plain line that starts with the file's name.
 */
final class DocumentFiles {
  /** What is done with each document read. */
  @FunctionalInterface
  interface Handler {
    /**
     * Handles one document.
     *
     * @param file the FILE argument it came from
     * @param record the document
     */
    void accept(Path file, GroupRecord record);
  }

  /**
   * The documents of several files: those that could be read, in order, and whether any could not.
   */
  static final class Batch {
    final List<Path> files = new ArrayList<>();
    final List<GroupRecord> records = new ArrayList<>();
    boolean anyUnreadable;
  }

  /** How the reader's message for a document over its size limit starts. */
  private static final String TOO_LARGE = "the document is larger than";

  private DocumentFiles() {}

  /**
   * Reads the files one at a time, handing each document to {@code handler} before the next file is
   * read, and reporting each file that cannot be read as one line on {@code err}.
   *
   * @param files the files, in order ({@code -} for standard input)
   * @param stdin standard input
   * @param reader the reader, with its limits
   * @param err where the problems go
   * @param debug whether to add the stack trace of each problem
   * @param handler what is done with each document
   * @return true if every file could be read
   */
  static boolean forEach(
      List<Path> files,
      InputStream stdin,
      BalintJsonReader reader,
      PrintWriter err,
      boolean debug,
      Handler handler) {
    boolean allRead = true;
    for (Path file : files) {
      GroupRecord record;
      try {
        record = read(file, stdin, reader);
      } catch (CliFailure failure) {
        err.println("balint: " + BalintCli.oneLine(failure.getMessage()));
        if (debug && failure.getCause() != null) {
          failure.getCause().printStackTrace(err);
        }
        allRead = false;
        continue;
      }
      handler.accept(file, record);
    }
    return allRead;
  }

  /**
   * Reads every file into memory, reporting each that cannot be read as one line on {@code err}.
   *
   * @param files the files, in order ({@code -} for standard input)
   * @param stdin standard input
   * @param reader the reader, with its limits
   * @param err where the problems go
   * @param debug whether to add the stack trace of each problem
   * @return the documents read, with their files, and whether any file could not be read
   */
  static Batch readEach(
      List<Path> files,
      InputStream stdin,
      BalintJsonReader reader,
      PrintWriter err,
      boolean debug) {
    Batch batch = new Batch();
    batch.anyUnreadable =
        !forEach(
            files,
            stdin,
            reader,
            err,
            debug,
            (file, record) -> {
              batch.files.add(file);
              batch.records.add(record);
            });
    return batch;
  }

  /**
   * Reads one document from a file, or from standard input when {@code file} is null or {@code -}.
   *
   * @param file the file, or null for standard input
   * @param stdin standard input
   * @param reader the reader, with its limits
   * @return the document
   * @throws CliFailure with exit code 2 and a message that starts with the source's name
   */
  static GroupRecord read(@Nullable Path file, InputStream stdin, BalintJsonReader reader) {
    String source = sourceName(file);
    try {
      Path named = namedFile(file);
      return named == null ? reader.read(stdin) : reader.read(named);
    } catch (BalintFormatException e) {
      String hint =
          e.problem().startsWith(TOO_LARGE) ? " (a larger limit can be set with --max-size)" : "";
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": " + e.getMessage() + hint, e);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": permission denied", e);
    } catch (IOException e) {
      String reason =
          file != null && Files.isDirectory(file)
              ? "is a directory, not a file"
              : OutputFile.reason(e);
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": cannot read: " + reason, e);
    }
  }

  /**
   * Whether a FILE argument means standard input: absent, or {@code -}.
   *
   * @param file the argument
   * @return true for standard input
   */
  static boolean isStdin(@Nullable Path file) {
    return namedFile(file) == null;
  }

  /**
   * The file a FILE argument names.
   *
   * @param file the argument
   * @return the file, or null when the argument means standard input: absent, or {@code -}
   */
  static @Nullable Path namedFile(@Nullable Path file) {
    return file == null || file.toString().equals("-") ? null : file;
  }

  /**
   * The name of an input for messages.
   *
   * @param file the FILE argument
   * @return the file's name, or {@code <stdin>}
   */
  static String sourceName(@Nullable Path file) {
    Path named = namedFile(file);
    return named == null ? "<stdin>" : named.toString();
  }
}
