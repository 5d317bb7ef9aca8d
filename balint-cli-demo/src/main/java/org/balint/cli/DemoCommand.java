package org.balint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.balint.json.BalintJson;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.session.GroupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code balint demo}: the end-to-end tour. Reads the example group shipped inside the program
 * (nine members, two leaders, three sessions with a few off-method moments), checks it against
 * the standard protocol and prints the facilitator's report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "A tour: check an example Balint group and print the facilitator's report.")
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "/org/balint/cli/examples/riverside.json";

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    GroupRecord record = readExample();
    Protocol protocol = Protocols.standard();
    new FacilitatorReport(out, protocol).write("example shipped with balint", record, protocol.validate(record));
    out.flush();
    return ExitCodes.OK;
  }

  static GroupRecord readExample() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the example " + EXAMPLE + " is missing from the program");
      }
      return BalintJson.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
