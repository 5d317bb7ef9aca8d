package org.balint.cli;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code balint} command: prints usage; the work is done by its subcommands, which {@link
 * BalintCli} adds (only the one a command line names, so that a run builds no other's model).
 */
@Command(
    name = "balint",
    mixinStandardHelpOptions = true,
    version = "balint 0.1.0",
    description = "Models the Balint group method and checks sessions against its rules.")
public final class BalintCommand implements Callable<Integer> {
  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          DemoCommand.class,
          ValidateCommand.class,
          ClassifyCommand.class,
          ImportCommand.class,
          ExportCommand.class,
          SessionCommand.class,
          RedactCommand.class,
          RetentionCommand.class,
          ReportCommand.class,
          PurgeCommand.class,
          TablesCommand.class,
          QdaCommand.class);

  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of failures.")
  private boolean debug;

  BalintCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * The standard input commands read from.
   *
   * @return standard input
   */
  InputStream stdin() {
    return stdin;
  }

  /**
   * The root command of a subcommand's command line.
   *
   * @param spec the subcommand's spec
   * @return the root command
   */
  static BalintCommand root(CommandSpec spec) {
    return (BalintCommand) spec.root().userObject();
  }

  /**
   * Whether {@code --debug} was given.
   *
   * @return true to show stack traces
   */
  public boolean debug() {
    return debug;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
