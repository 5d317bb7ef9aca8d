package org.balint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a command's output files so that a failure leaves nothing half-written: every file is
 * written in full to a temporary folder beside its destination first; then each is written into
 * place as {@link OutputFile} writes a file ({@code cp}'s way: through links, into devices, an
 * existing file's mode kept, a new file owner-only, a regular file replaced by a rename).
 */
final class OutputFiles {
  private final Map<String, OutputFile.Content> files = new LinkedHashMap<>();

  /**
   * Adds a file to write.
   *
   * @param name the file's name inside the folder, without a path
   * @param content what it holds
   * @return this
   */
  OutputFiles add(String name, OutputFile.Content content) {
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
      throw new CliFailure(
          ExitCodes.BAD_INPUT, dir + ": not a folder (--out names the folder to write into)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, dir + ": cannot create the folder: " + OutputFile.reason(e), e);
    }
    Path staging = staging(dir);
    try {
      for (Map.Entry<String, OutputFile.Content> file : files.entrySet()) {
        try (OutputStream out = Files.newOutputStream(staging.resolve(file.getKey()))) {
          file.getValue().writeTo(out);
        }
      }
      List<Path> written = new ArrayList<>();
      for (String name : files.keySet()) {
        Path staged = staging.resolve(name);
        Path destination = dir.resolve(name);
        OutputFile.write(destination, out -> Files.copy(staged, out));
        written.add(destination);
      }
      return written;
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot write: " + OutputFile.reason(e), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static Path staging(Path dir) {
    try {
      return Files.createTempDirectory(dir, ".balint-");
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot write: " + OutputFile.reason(e), e);
    }
  }

  private static void deleteQuietly(Path staging) {
    try (Stream<Path> paths = Files.walk(staging)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Left behind only if the folder cannot be listed; the next run makes a new one.
    }
  }
}
