package org.balint.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Parameters;

/**
 * The optional {@code FILE} argument of commands that read a file or standard input (a picocli
 * mixin).
 */
final class InputSource {
  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "The input (default, or -: standard input).")
  private @Nullable Path file;

  /**
   * The file given.
   *
   * @return the file, or null for standard input
   */
  @Nullable Path file() {
    return file;
  }
}
