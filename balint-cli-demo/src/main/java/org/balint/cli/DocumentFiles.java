package org.balint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.balint.json.BalintFormatException;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;

/** Reads {@code balint/1} documents from files, turning every failure into one plain line. */
final class DocumentFiles {
  private DocumentFiles() {}

  /**
   * Reads one document.
   *
   * @param file the file
   * @return the document
   * @throws CliFailure with exit code 2 and a message that starts with the file name
   */
  static GroupRecord read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return BalintJson.read(in);
    } catch (BalintFormatException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": permission denied", e);
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory, not a file" : e.getMessage();
      throw new CliFailure(ExitCodes.BAD_INPUT, file + ": cannot read: " + reason, e);
    }
  }
}
