package org.balint.cli;

import org.balint.method.Protocol;
import org.balint.method.Protocols;
import picocli.CommandLine.Option;

/**
 * The {@code --protocol NAME} option (a picocli mixin); unknown names are refused with the known
 * ones.
 */
final class ProtocolOption {
  @Option(
      names = "--protocol",
      defaultValue = Protocols.STANDARD,
      paramLabel = "NAME",
      description =
          "The protocol of the method (default: ${DEFAULT-VALUE}; also uk-balint-society,"
              + " balint-anz, german-medical-chambers).")
  private String name = Protocols.STANDARD;

  /**
   * The protocol named.
   *
   * @return the protocol
   * @throws CliFailure with exit code 2 if no protocol has that name
   */
  Protocol resolve() {
    return Protocols.byName(name)
        .orElseThrow(
            () ->
                new CliFailure(
                    ExitCodes.BAD_INPUT,
                    "unknown protocol \""
                        + name
                        + "\"; known protocols: "
                        + String.join(", ", Protocols.names())));
  }
}
