package org.balint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the several files of a command's output into one folder, each through {@link
 * OutputFile#write}: written whole beside its destination and then moved into place, so a folder
 * never holds half a file. Commands read and check all their input before they write.
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
   * Writes the files into a folder, creating it if needed; a file of the same name is replaced.
   *
   * @param dir the folder
   * @return the files written, in the order added
   * @throws CliFailure with exit code 2 if the folder cannot be made or a file cannot be written
   */
  List<Path> writeInto(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": not a folder (--out names the folder to write into)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, dir + ": cannot create the folder: " + e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, OutputFile.Content> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      OutputFile.write(path, file.getValue());
      written.add(path);
    }
    return written;
  }
}
