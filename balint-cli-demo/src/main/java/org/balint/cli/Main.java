package org.balint.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of the {@code balint} program. */
public final class Main {
  private Main() {}

  /**
   * Runs the program and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int exitCode = BalintCli.run(System.in, out, err, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
