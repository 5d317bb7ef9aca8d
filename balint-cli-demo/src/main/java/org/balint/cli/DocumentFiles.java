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
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;

/** Reads {@code balint/1} documents from files, turning every failure into one plain line. */
final class DocumentFiles {
  /** The documents of several files: those that could be read, in order, and whether any could not. */
  static final class Batch {
    final List<Path> files = new ArrayList<>();
    final List<GroupRecord> records = new ArrayList<>();
    boolean anyUnreadable;
  }

  private DocumentFiles() {}

  /**
   * Reads every file, reporting each that cannot be read as one line on {@code err}.
   *
   * @param files the files, in order
   * @param err where the problems go
   * @param debug whether to add the stack trace of each problem
   * @return the documents read, with their files, and whether any file could not be read
   */
  static Batch readEach(List<Path> files, PrintWriter err, boolean debug) {
    Batch batch = new Batch();
    for (Path file : files) {
      try {
        batch.records.add(read(file));
        batch.files.add(file);
      } catch (CliFailure failure) {
        err.println("balint: " + BalintCli.oneLine(failure.getMessage()));
        if (debug && failure.getCause() != null) {
          failure.getCause().printStackTrace(err);
        }
        batch.anyUnreadable = true;
      }
    }
    return batch;
  }

  /**
   * Reads one document.
   *
   * @param file the file
   * @return the document
   * @throws CliFailure with exit code 2 and a message that starts with the file name
   */
  static GroupRecord read(Path file) {
    return read(file, InputStream.nullInputStream());
  }

  /**
   * Reads one document from a file, or from standard input when {@code file} is null or {@code -}.
   *
   * @param file the file, or null for standard input
   * @param stdin standard input
   * @return the document
   * @throws CliFailure with exit code 2 and a message that starts with the source's name
   */
  static GroupRecord read(@Nullable Path file, InputStream stdin) {
    String source = sourceName(file);
    try (InputStream in = isStdin(file) ? stdin : Files.newInputStream(file)) {
      return BalintJson.read(in);
    } catch (BalintFormatException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": permission denied", e);
    } catch (IOException e) {
      String reason =
          file != null && Files.isDirectory(file) ? "is a directory, not a file" : e.getMessage();
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
    return file == null || file.toString().equals("-");
  }

  /**
   * The name of an input for messages.
   *
   * @param file the FILE argument
   * @return the file's name, or {@code <stdin>}
   */
  static String sourceName(@Nullable Path file) {
    return isStdin(file) ? "<stdin>" : file.toString();
  }

}
