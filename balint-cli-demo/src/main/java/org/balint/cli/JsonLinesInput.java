package org.balint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines input (one object a line) from a file or standard input, checking every line
 * before any is used. A bad line is reported as {@code SOURCE:LINE: $.field: what was expected}.
 * Blank lines are skipped.
 */
final class JsonLinesInput {
  /** One line of input: its line number and its object. */
  static final class Line {
    final int number;
    final ObjectNode object;

    Line(int number, ObjectNode object) {
      this.number = number;
      this.object = object;
    }
  }

  private final String source;
  private final ImmutableList<Line> lines;

  private JsonLinesInput(String source, ImmutableList<Line> lines) {
    this.source = source;
    this.lines = lines;
  }

  /**
   * Reads all lines of a file, or of standard input when {@code file} is null or {@code -}.
   *
   * @param file the file, or null for standard input
   * @param stdin standard input
   * @param allowed the field names a line may have, or null for any (fields a command passes through)
   * @return the lines
   * @throws CliFailure with exit code 2 naming the source and line of the first problem
   */
  static JsonLinesInput read(@Nullable Path file, InputStream stdin, @Nullable Set<String> allowed) {
    String source = DocumentFiles.sourceName(file);
    try (InputStream in = DocumentFiles.isStdin(file) ? stdin : Files.newInputStream(file);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      ImmutableList.Builder<Line> lines = ImmutableList.builder();
      int number = 0;
      String text;
      while (true) {
        try {
          text = reader.readLine();
        } catch (CharacterCodingException e) {
          throw new CliFailure(
              ExitCodes.BAD_INPUT, source + ":" + (number + 1) + ": invalid UTF-8", e);
        }
        if (text == null) {
          break;
        }
        number++;
        if (number == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        lines.add(new Line(number, parse(source, number, text, allowed)));
      }
      return new JsonLinesInput(source, lines.build());
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no such file", e);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ObjectNode parse(
      String source, int number, String text, @Nullable Set<String> allowed) {
    JsonNode node;
    try {
      node = JsonLines.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String column =
          e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr();
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          source + ":" + number + column + ": not valid JSON: " + e.getOriginalMessage(),
          e);
    }
    if (node == null || !node.isObject()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, source + ":" + number + ": expected a JSON object on each line");
    }
    for (var names = node.fieldNames(); allowed != null && names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            source
                + ":"
                + number
                + ": $."
                + name
                + ": unknown field; expected "
                + String.join(", ", allowed));
      }
    }
    return (ObjectNode) node;
  }

  /**
   * The source's name, for messages.
   *
   * @return the file name or {@code <stdin>}
   */
  String source() {
    return source;
  }

  /**
   * The lines read, blank lines left out.
   *
   * @return the lines
   */
  ImmutableList<Line> lines() {
    return lines;
  }

  /**
   * A required string field of a line.
   *
   * @param line the line
   * @param field the field
   * @return the value
   * @throws CliFailure if it is absent, null or not a string
   */
  String requiredText(Line line, String field) {
    JsonNode value = line.object.get(field);
    if (value == null || !value.isTextual()) {
      throw failure(line, field, "expected a string" + (value == null ? " but it is missing" : " but was " + value));
    }
    return value.asText();
  }

  /**
   * An optional enum field of a line.
   *
   * @param line the line
   * @param field the field
   * @param type the enum
   * @param <E> the enum type
   * @return the constant, or empty when the field is absent
   * @throws CliFailure if it is present but not one of the constants
   */
  <E extends Enum<E>> Optional<E> optionalEnum(Line line, String field, Class<E> type) {
    JsonNode value = line.object.get(field);
    if (value == null) {
      return Optional.empty();
    }
    String allowed = names(type);
    if (!value.isTextual()) {
      throw failure(line, field, "expected one of " + allowed + " but was " + value);
    }
    try {
      return Optional.of(Enum.valueOf(type, value.asText()));
    } catch (IllegalArgumentException e) {
      throw failure(line, field, "expected one of " + allowed + " but was \"" + value.asText() + "\"");
    }
  }

  /**
   * A required enum field of a line.
   *
   * @param line the line
   * @param field the field
   * @param type the enum
   * @param <E> the enum type
   * @return the constant
   * @throws CliFailure if it is absent or not one of the constants
   */
  <E extends Enum<E>> E requiredEnum(Line line, String field, Class<E> type) {
    return optionalEnum(line, field, type)
        .orElseThrow(() -> failure(line, field, "expected one of " + names(type) + " but it is missing"));
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private CliFailure failure(Line line, String field, String message) {
    return new CliFailure(
        ExitCodes.BAD_INPUT, source + ":" + line.number + ": $." + field + ": " + message);
  }
}
