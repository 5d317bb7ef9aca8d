package org.balint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.balint.jdbc.DefaultDatabase;
import org.balint.json.BalintFormatException;
import org.balint.store.ConfidentialityException;
import org.balint.store.StorageException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code balint} command line, with the writers it prints to.
 *
 * <p>{@link #run} builds the model of the one subcommand its arguments name (picocli reads every
 * option of a command by reflection, which a short run would otherwise pay for all of them); help,
 * a mistyped command and no command at all get every subcommand, so that the usage lists them and a
 * typo gets suggestions.
 */
public final class BalintCli {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

  private BalintCli() {}

  /**
   * Runs a command line and returns its exit code, building only the subcommand it names.
   *
   * @param in what commands that read standard input read
   * @param out where results go (standard output)
   * @param err where messages go (standard error)
   * @param args the command-line arguments
   * @return the exit code (see {@link ExitCodes})
   */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    return create(in, out, err, subcommandsFor(args)).execute(args);
  }

  /**
   * Creates the command line with every subcommand.
   *
   * @param out where results go (standard output)
   * @param err where messages go (standard error)
   * @return a command line ready to {@code execute(args)}
   */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(System.in, out, err);
  }

  /**
   * Creates the command line with every subcommand and its standard input.
   *
   * @param in what commands that read standard input read
   * @param out where results go (standard output)
   * @param err where messages go (standard error)
   * @return a command line ready to {@code execute(args)}
   */
  public static CommandLine create(InputStream in, PrintWriter out, PrintWriter err) {
    return create(in, out, err, BalintCommand.SUBCOMMANDS);
  }

  private static CommandLine create(
      InputStream in, PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
    BalintCommand root = new BalintCommand(in);
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine
        .getHelpSectionMap()
        .put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, BalintCli::commandList);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.getCommandSpec().usageMessage().footer(databaseFooter());
    commandLine.setExecutionExceptionHandler(new FailureHandler(root));
    commandLine.setExecutionStrategy(BalintCli::executeGuarded);
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine failed = exception.getCommandLine();
          PrintWriter failedErr = failed.getErr();
          failedErr.println("balint: " + usageError(exception));
          if (exception instanceof UnmatchedArgumentException) {
            List<String> suggestions = ((UnmatchedArgumentException) exception).getSuggestions();
            if (!suggestions.isEmpty()) {
              failedErr.println("Did you mean '" + suggestions.get(0) + "'?");
            }
          }
          failedErr.println(
              "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return commandLine;
  }

  /** Where the stored groups are, for the root command's help. */
  private static String[] databaseFooter() {
    DefaultDatabase database = DefaultDatabase.ofEnvironment();
    String where =
        database.folder().isPresent()
            ? "Stored groups are kept in the embedded H2 database in:"
            : "Stored groups are kept in the database $"
                + DefaultDatabase.ENVIRONMENT_VARIABLE
                + " names:";
    // The location on a line of its own, so that a long path is not wrapped where it can be cut.
    return new String[] {
      "",
      where,
      "  " + database,
      "Set "
          + DefaultDatabase.ENVIRONMENT_VARIABLE
          + " to a JDBC URL, or give --db, to use another"
          + " database; 'balint demo' uses one of its own."
    };
  }

  /**
   * Runs the command. Exhaustion of the Java heap becomes one plain line and exit 2 that says how
   * to give the program more memory (what the command held is unreachable by then, so the line can
   * be printed); output that could not be written to standard output (a full disk, a closed pipe)
   * becomes exit 2 too, as with {@code cp}.
   */
  private static int executeGuarded(ParseResult parseResult) {
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

  /** The line that says what is wrong with a command line; an unknown command is named as such. */
  private static String usageError(ParameterException exception) {
    if (exception instanceof UnmatchedArgumentException
        && exception.getCommandLine().getParent() == null) {
      List<String> unmatched = ((UnmatchedArgumentException) exception).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        return "unknown command '" + unmatched.get(0) + "'";
      }
    }
    return oneLine(exception.getMessage());
  }

  /**
   * The subcommands a command line needs: the one its first non-option argument names; none for
   * {@code --version} alone; every one for help, no command or an unknown one.
   */
  static List<Class<?>> subcommandsFor(String... args) {
    boolean version = false;
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help")) {
        return BalintCommand.SUBCOMMANDS;
      }
      if (!arg.startsWith("-")) {
        for (Class<?> subcommand : BalintCommand.SUBCOMMANDS) {
          if (subcommand.getAnnotation(Command.class).name().equals(arg)) {
            return List.of(subcommand);
          }
        }
        return BalintCommand.SUBCOMMANDS;
      }
      version |= arg.equals("-V") || arg.equals("--version");
    }
    return version ? List.of() : BalintCommand.SUBCOMMANDS;
  }

  /** The commands of a usage message, each with the first sentence of its description. */
  private static String commandList(Help help) {
    Map<String, Help> subcommands = help.subcommands();
    if (subcommands.isEmpty()) {
      return "";
    }
    int nameWidth = 0;
    for (String name : subcommands.keySet()) {
      nameWidth = Math.max(nameWidth, name.length() + 4);
    }
    int width = help.commandSpec().usageMessage().width();
    TextTable table =
        TextTable.forColumns(
            help.colorScheme(),
            new Column(nameWidth, 2, Column.Overflow.SPAN),
            new Column(width - nameWidth, 0, Column.Overflow.WRAP));
    subcommands.forEach(
        (name, subcommand) ->
            table.addRowValues(name, firstSentence(subcommand.commandSpec().usageMessage())));
    return table.toString();
  }

  private static String firstSentence(UsageMessageSpec usage) {
    String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
    String text = oneLine(String.join(" ", lines));
    return SENTENCE_END.split(text, 2)[0];
  }

  static String oneLine(@Nullable String message) {
    return message == null ? "" : LINE_BREAKS.matcher(message).replaceAll(" ").strip();
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
