package org.balint.cli;

import org.balint.method.Protocol;
import org.balint.method.Protocols;

/** Resolves a {@code --protocol NAME} option, refusing unknown names with the known ones. */
final class ProtocolOption {
  private ProtocolOption() {}

  static Protocol resolve(String name) {
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
