package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command line as a whole: which subcommands a run builds, help, usage errors. */
class BalintCliTest {
  @Test
  void aRunBuildsOnlyTheSubcommandItNames() {
    assertEquals(List.of(ValidateCommand.class), BalintCli.subcommandsFor("validate", "a.json"));
    assertEquals(
        List.of(ValidateCommand.class), BalintCli.subcommandsFor("--debug", "validate", "a.json"));
    assertEquals(List.of(), BalintCli.subcommandsFor("--version"));
  }

  @Test
  void helpNoCommandAndUnknownCommandsBuildEverySubcommand() {
    assertEquals(BalintCommand.SUBCOMMANDS, BalintCli.subcommandsFor());
    assertEquals(BalintCommand.SUBCOMMANDS, BalintCli.subcommandsFor("--help"));
    assertEquals(BalintCommand.SUBCOMMANDS, BalintCli.subcommandsFor("-h", "validate"));
    assertEquals(BalintCommand.SUBCOMMANDS, BalintCli.subcommandsFor("valdate", "a.json"));
  }

  @Test
  void version_printsTheVersion() {
    CliRun run = CliRun.of("--version");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("balint 0.1.0", run.out.strip());
  }

  @Test
  void help_listsEveryCommandWithAWholeSentence() {
    CliRun run = CliRun.of("--help");

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    List<String> entries = commandEntries(run.out);
    List<String> names = new ArrayList<>();
    for (Class<?> subcommand : BalintCommand.SUBCOMMANDS) {
      names.add(subcommand.getAnnotation(Command.class).name());
    }
    assertEquals(names.size(), entries.size(), run::toString);
    for (int i = 0; i < names.size(); i++) {
      String entry = entries.get(i);
      assertTrue(entry.startsWith(names.get(i) + " "), entry);
      assertTrue(entry.endsWith("."), () -> "cut mid-sentence: " + entry);
    }
  }

  @Test
  void descriptionsAreParagraphsThatPicocliWraps() {
    CommandLine commandLine =
        BalintCli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      CommandSpec spec = subcommand.getCommandSpec();
      assertEquals(1, spec.usageMessage().description().length, spec.name());
      for (OptionSpec option : spec.options()) {
        assertTrue(
            option.description().length <= 1,
            () -> spec.name() + " " + option.longestName() + " has hard line breaks");
      }
      for (PositionalParamSpec parameter : spec.positionalParameters()) {
        assertTrue(
            parameter.description().length <= 1,
            () -> spec.name() + " " + parameter.paramLabel() + " has hard line breaks");
      }
    }
  }

  @Test
  void mistypedCommand_exitsTwoWithASuggestion() {
    CliRun run = CliRun.of("valdate", "examples/riverside.json");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(
        List.of(
            "balint: unknown command 'valdate'",
            "Did you mean 'validate'?",
            "Try 'balint --help' for usage."),
        run.err.lines().toList());
  }

  @Test
  void mistypedOption_exitsTwoPointingToTheCommandsHelp() {
    CliRun run = CliRun.of("validate", "--fromat", "json", "a.json");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("'--fromat'"), run::toString);
    assertTrue(run.err.contains("Try 'balint validate --help' for usage."), run::toString);
  }

  @Test
  void dbThatIsNotAJdbcUrl_isAUsageErrorThatDoesNotRepeatTheUrl() {
    CliRun run = CliRun.of("export", "--db", "postgres://ana:secret@db.example/balint", "g1");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals(
        List.of(
            "balint: Invalid value for option '--db': not a JDBC URL; give jdbc:h2:...,"
                + " jdbc:postgresql://... or jdbc:mariadb://...",
            "Try 'balint export --help' for usage."),
        run.err.lines().toList());
  }

  @Test
  void debugBeforeTheCommandReachesIt() {
    CliRun run = CliRun.of("--debug", "validate", "no-such-file.json");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("no-such-file.json"), run::toString);
  }

  /** The entries of the Commands: section, each with its wrapped lines joined. */
  private static List<String> commandEntries(String help) {
    List<String> entries = new ArrayList<>();
    boolean inCommands = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.isBlank()) {
        break; // the footer follows the section
      } else if (inCommands && line.startsWith("   ")) {
        int last = entries.size() - 1;
        entries.set(last, entries.get(last) + " " + line.strip());
      } else if (inCommands && line.startsWith("  ")) {
        entries.add(line.strip());
      }
    }
    return entries;
  }
}
