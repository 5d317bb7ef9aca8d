package org.balint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import org.balint.json.BalintFormatException;
import org.balint.store.ConfidentialityException;
import org.balint.store.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Builds the {@code balint} command line, with the writers it prints to. */
public final class BalintCli {
  private BalintCli() {}

  /**
   * Creates the command line.
   *
   * @param out where results go (standard output)
   * @param err where messages go (standard error)
   * @return a command line ready to {@code execute(args)}
   */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(System.in, out, err);
  }

  /**
   * Creates the command line with its standard input.
   *
   * @param in what commands that read standard input read
   * @param out where results go (standard output)
   * @param err where messages go (standard error)
   * @return a command line ready to {@code execute(args)}
   */
  public static CommandLine create(InputStream in, PrintWriter out, PrintWriter err) {
    BalintCommand root = new BalintCommand(in);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new FailureHandler(root));
    commandLine.setExecutionStrategy(BalintCli::run);
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine failed = exception.getCommandLine();
          failed.getErr().println("balint: " + oneLine(exception.getMessage()));
          failed
              .getErr()
              .println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return commandLine;
  }

  /**
   * Runs the command. Exhaustion of the Java heap becomes one plain line and exit 2 that says how
   * to give the program more memory (what the command held is unreachable by then, so the line can
   * be printed); output that could not be written to standard output (a full disk, a closed pipe)
   * becomes exit 2 too, as with {@code cp}.
   */
  private static int run(ParseResult parseResult) {
    CommandLine commandLine = parseResult.commandSpec().commandLine();
    PrintWriter err = commandLine.getErr();
    try {
      int exitCode = new CommandLine.RunLast().execute(parseResult);
      if (commandLine.getOut().checkError()) {
        err.println("balint: cannot write to standard output");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      return exitCode;
    } catch (OutOfMemoryError e) {
      err.println(
          "balint: out of memory (Java heap of "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB); give the program more, e.g. BALINT_JAVA_OPTS=-Xmx4g ./balint ..."
              + " (or java -Xmx4g -jar balint.jar ...)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Maps exceptions to one plain line and an exit code; stack traces only under --debug. */
  private static final class FailureHandler implements IExecutionExceptionHandler {
    private final BalintCommand root;

    FailureHandler(BalintCommand root) {
      this.root = root;
    }

    @Override
    public int handleExecutionException(
        Exception exception, CommandLine commandLine, ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      boolean debug = root.debug() || debugRequested(parseResult);
      int exitCode;
      String message;
      if (exception instanceof CliFailure) {
        exitCode = ((CliFailure) exception).exitCode();
        message = exception.getMessage();
      } else if (exception instanceof ConfidentialityException) {
        // The store's own refusal, behind the command's check: a confidentiality error, not a
        // failure of the database.
        exitCode = ExitCodes.VIOLATIONS;
        message = exception.getMessage();
      } else if (exception instanceof StorageException) {
        exitCode = ExitCodes.STORAGE;
        message = "storage: " + exception.getMessage();
      } else if (exception instanceof BalintFormatException) {
        exitCode = ExitCodes.BAD_INPUT;
        message = exception.getMessage();
      } else {
        exitCode = ExitCodes.BAD_INPUT;
        message =
            "unexpected error: "
                + exception.getClass().getSimpleName()
                + (exception.getMessage() == null ? "" : ": " + exception.getMessage())
                + (debug ? "" : " (run with --debug for details)");
      }
      err.println("balint: " + oneLine(message));
      if (debug) {
        exception.printStackTrace(err);
      }
      err.flush();
      return exitCode;
    }
  }
}
