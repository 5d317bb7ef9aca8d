package org.balint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines input (one object a line) from a file or standard input, one line at a time:
 * {@link #lines()} reads a line only when the loop asks for it, so input of any length is read in
 * little memory. Each line holds exactly one JSON object, with no duplicate key and only the fields
 * allowed; blank lines are skipped; the input must be UTF-8. A bad line ends the input with a
 * {@link CliFailure} (exit 2) saying {@code SOURCE:LINE[, column C]: what was expected}; lines
 * before it have been handed out already.
 *
 * <p>Use it in a {@code try}-with-resources block: {@code try (JsonLinesInput in =
 * JsonLinesInput.open(file, stdin, FIELDS)) { for (Line line : in.lines()) { ... } }}.
 */
final class JsonLinesInput implements Closeable {
  /** Parses one line: one value only, no duplicate key. */
  private static final ObjectReader LINE_READER =
      JsonLines.MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

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
  private final BufferedReader reader;
  private final @Nullable Set<String> allowed;
  private int number;
  private boolean iterated;

  private JsonLinesInput(String source, BufferedReader reader, @Nullable Set<String> allowed) {
    this.source = source;
    this.reader = reader;
    this.allowed = allowed;
  }

  /**
   * Opens a file, or standard input when {@code file} is null or {@code -}.
   *
   * @param file the file, or null for standard input
   * @param stdin standard input
   * @param allowed the field names a line may have, or null for any (fields a command passes
   *     through)
   * @return the input, to be closed
   * @throws CliFailure with exit code 2 if the file cannot be opened
   */
  static JsonLinesInput open(
      @Nullable Path file, InputStream stdin, @Nullable Set<String> allowed) {
    String source = DocumentFiles.sourceName(file);
    InputStream in;
    try {
      Path named = DocumentFiles.namedFile(file);
      in = named == null ? stdin : Files.newInputStream(named);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": permission denied", e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, source + ": cannot read: " + OutputFile.reason(e), e);
    }
    return new JsonLinesInput(
        source,
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))),
        allowed);
  }

  /**
   * The lines, read as the loop asks for them, blank lines left out. Can be iterated once.
   *
   * @return the lines
   * @throws CliFailure (from the iterator) with exit code 2 naming the line of the first problem
   */
  Iterable<Line> lines() {
    return () -> {
      if (iterated) {
        throw new IllegalStateException("the lines of " + source + " can be read once");
      }
      iterated = true;
      return new Iterator<>() {
        private @Nullable Line next;

        @Override
        public boolean hasNext() {
          if (next == null) {
            next = readLine();
          }
          return next != null;
        }

        @Override
        public Line next() {
          Line line = next != null ? next : readLine();
          if (line == null) {
            throw new NoSuchElementException();
          }
          next = null;
          return line;
        }
      };
    };
  }

  /**
   * Whether reading the next line may have to wait for input: nothing is buffered and the source
   * has nothing ready (someone typing, a slow pipe, or the end). A command that handles lines in
   * batches handles what it holds before it reads on.
   *
   * @return true when the next read may block
   */
  boolean mayWait() {
    try {
      return !reader.ready();
    } catch (IOException e) {
      // The next read reports the problem.
      return true;
    }
  }

  /** The next non-blank line, or null at the end of the input. */
  private @Nullable Line readLine() {
    while (true) {
      String text;
      try {
        text = reader.readLine();
      } catch (CharacterCodingException e) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT, source + ":" + (number + 1) + ": invalid UTF-8", e);
      } catch (IOException e) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT, source + ": cannot read: " + OutputFile.reason(e), e);
      }
      if (text == null) {
        return null;
      }
      number++;
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (!text.isBlank()) {
        return new Line(number, parse(text));
      }
    }
  }

  private ObjectNode parse(String text) {
    JsonNode node;
    try {
      node = LINE_READER.readTree(text);
    } catch (JsonProcessingException e) {
      String column = e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr();
      throw new CliFailure(
          ExitCodes.BAD_INPUT, source + ":" + number + column + ": " + describe(e), e);
    }
    if (node == null || !node.isObject()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, source + ":" + number + ": expected a JSON object on each line");
    }
    @Nullable Set<String> known = allowed;
    for (Iterator<String> names = node.fieldNames(); known != null && names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            source
                + ":"
                + number
                + ": $."
                + name
                + ": unknown field; expected "
                + String.join(", ", known));
      }
    }
    return (ObjectNode) node;
  }

  /** What is wrong with a line that is not one well-formed JSON object. */
  private static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
      return "more than one JSON value on the line (one object a line)";
    }
    if (message.startsWith("Duplicate field")) {
      return "duplicate field " + message.substring("Duplicate field ".length()).replace('\'', '"');
    }
    int end = message.indexOf('\n');
    return "not valid JSON: " + (end < 0 ? message : message.substring(0, end));
  }

  /**
   * The source's name, for messages.
   *
   * @return the file name or {@code <stdin>}
   */
  String source() {
    return source;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A required string field of a line; a text holding U+0000 is refused.
   *
   * @param line the line
   * @param field the field
   * @return the value
   * @throws CliFailure if it is absent, null, not a string or holds U+0000
   */
  String requiredText(Line line, String field) {
    JsonNode value = line.object.get(field);
    if (value == null || !value.isTextual()) {
      throw failure(
          line,
          field,
          "expected a string" + (value == null ? " but it is missing" : " but was " + value));
    }
    String text = value.asText();
    if (text.indexOf('\0') >= 0) {
      throw failure(line, field, "the text holds U+0000, which a text may not hold");
    }
    return text;
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
    if (value.isTextual()) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value.asText())) {
          return Optional.of(constant);
        }
      }
    }
    throw failure(line, field, "expected one of " + names(type) + " but was " + value);
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
        .orElseThrow(
            () -> failure(line, field, "expected one of " + names(type) + " but it is missing"));
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private CliFailure failure(Line line, String field, String message) {
    return new CliFailure(
        ExitCodes.BAD_INPUT, source + ":" + line.number + ": $." + field + ": " + message);
  }
}
