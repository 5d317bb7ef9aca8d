package org.balint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.balint.Extensions;

/**
 * The codes a QDA coder gave that are not kinds, kept in a {@code balint/1} object's extensions as
 * {@code "extensions": {"qda": {"codes": ["apostolic function", ...]}}}, beside any other extension
 * data, which is left as it is.
 */
final class QdaCodes {
  private QdaCodes() {}

  /**
   * The codes kept in an object's extensions.
   *
   * @param extensions the object's extensions
   * @return the code names, in order; empty when there are none
   */
  static ImmutableList<String> in(Optional<Extensions> extensions) {
    if (extensions.isEmpty()) {
      return ImmutableList.of();
    }
    JsonNode codes = parse(extensions.get()).path(QdaVocabulary.EXTENSION).path("codes");
    ImmutableList.Builder<String> names = ImmutableList.builder();
    codes.forEach(
        code -> {
          if (code.isTextual()) {
            names.add(code.asText());
          }
        });
    return names.build();
  }

  /**
   * An object's extensions with its QDA codes replaced.
   *
   * @param extensions the object's extensions
   * @param codes the codes to keep
   * @return the extensions, other data unchanged
   */
  static Extensions with(Optional<Extensions> extensions, List<String> codes) {
    ObjectNode root = extensions.isPresent() ? parse(extensions.get()) : JsonLines.object();
    JsonNode existing = root.get(QdaVocabulary.EXTENSION);
    ObjectNode qda =
        existing instanceof ObjectNode
            ? (ObjectNode) existing
            : root.putObject(QdaVocabulary.EXTENSION);
    ArrayNode array = qda.putArray("codes");
    codes.forEach(array::add);
    return Extensions.ofJson(JsonLines.line(root));
  }

  private static ObjectNode parse(Extensions extensions) {
    try {
      return (ObjectNode) JsonLines.MAPPER.readTree(extensions.json());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          "extensions that were read as JSON could not be read again", e);
    }
  }
}
