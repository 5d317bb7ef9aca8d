package org.balint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import org.balint.jdbc.DefaultDatabase;
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
    commandLine.getCommandSpec().usageMessage().footer(databaseFooter());
    commandLine.setExecutionExceptionHandler(new FailureHandler(root));
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

  /** Where the stored groups are, for the root command's help. */
  private static String[] databaseFooter() {
    DefaultDatabase database = DefaultDatabase.ofEnvironment();
    String where =
        database.folder().isPresent()
            ? "the embedded H2 database in " + database
            : database + " (from $" + DefaultDatabase.ENVIRONMENT_VARIABLE + ")";
    return new String[] {
      "",
      "Stored groups are kept in " + where + ".",
      "Set " + DefaultDatabase.ENVIRONMENT_VARIABLE + " to a JDBC URL, or give --db, to use another"
          + " database; 'balint demo' uses one of its own."
    };
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
