package org.balint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one JSON mapper of the command line, and the writing of one JSON Lines line. */
final class JsonLines {
  /** The shared mapper (thread-safe once configured; built once, not at every command). */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  /**
   * A new, empty JSON object whose fields keep the order they are put in.
   *
   * @return the object
   */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * An object as one line of JSON, without a line break.
   *
   * @param object the object
   * @return its compact JSON text
   */
  static String line(ObjectNode object) {
    try {
      return MAPPER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree could not be written", e);
    }
  }
}
