package org.balint.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures exactly what a user would see. */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRun of(String... args) {
    return withInput("", args);
  }

  static CliRun withInput(String stdin, String... args) {
    return withBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun withBytes(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayInputStream in = new ByteArrayInputStream(stdin);
    int exitCode = BalintCli.run(in, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
