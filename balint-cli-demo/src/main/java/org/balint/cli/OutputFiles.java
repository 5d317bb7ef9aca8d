package org.balint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a command's output files so that a failure leaves nothing half-written: every file is
 * written in full to a temporary folder beside its destination, then moved into place (atomically
 * where the file system allows), replacing a file of the same name.
 */
final class OutputFiles {
  /** Writes the content of one file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Map<String, Content> files = new LinkedHashMap<>();

  /**
   * Adds a file to write.
   *
   * @param name the file's name inside the folder, without a path
   * @param content what it holds
   * @return this
   */
  OutputFiles add(String name, Content content) {
    files.put(name, content);
    return this;
  }

  /**
   * Writes the files into a folder, creating it if needed.
   *
   * @param dir the folder
   * @return the files written, in the order added
   * @throws CliFailure with exit code 2 if the folder cannot be made or written; nothing of the
   *     files is then left in it
   */
  List<Path> writeInto(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": not a folder (--out names the folder to write into)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot create the folder: " + reason(e), e);
    }
    Path staging = staging(dir);
    try {
      for (Map.Entry<String, Content> file : files.entrySet()) {
        try (OutputStream out = Files.newOutputStream(staging.resolve(file.getKey()))) {
          file.getValue().writeTo(out);
        }
      }
      List<Path> written = new ArrayList<>();
      for (String name : files.keySet()) {
        written.add(move(staging.resolve(name), dir.resolve(name)));
      }
      return written;
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot write: " + reason(e), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  /**
   * Writes one file, replacing it whole if it exists.
   *
   * @param file the file
   * @param content what it holds
   * @throws CliFailure with exit code 2 if it cannot be written; the file is then left as it was
   */
  static void writeFile(Path file, Content content) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (Files.isDirectory(target)) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": is a folder, not a file");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": no such folder: " + dir);
    }
    Path staging = staging(dir);
    try {
      Path temporary = staging.resolve("output");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      move(temporary, target);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": cannot write: " + reason(e), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static Path staging(Path dir) {
    try {
      return Files.createTempDirectory(dir, ".balint-");
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot write: " + reason(e), e);
    }
  }

  private static Path move(Path from, Path to) throws IOException {
    try {
      return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void deleteQuietly(Path staging) {
    try (Stream<Path> paths = Files.walk(staging)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Left behind only if the folder cannot be listed; the next run makes a new one.
    }
  }
}
