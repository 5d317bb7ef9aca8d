package org.balint.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Copies an {@code "extensions"} object token by token from a JSON source to a generator, checking
 * on the way that no object repeats a key and that nesting stays within a limit.
 *
 * <p>The reader uses it to turn an extensions object of a document into its compact text; the
 * writer uses it to write that text back into a document. Number tokens are copied as their text,
 * so {@code 1.50} and {@code 1e5} come back as written. The walk is a loop over an explicit stack,
 * so absurd nesting fails at the limit instead of overflowing the call stack.
 */
final class ExtensionsCopy {
  /** Where the tokens come from; each method is told the JSON path of what it reads. */
  interface Tokens {
    /** Moves to the next token, which is at {@code path}. */
    JsonToken next(String path);

    /** The name of the current field token. */
    String name(String path);

    /** The text of the current string or number token at {@code path}. */
    String text(String path);

    /** The nesting depth of the current token: the document's outer object is level 1. */
    int depth();

    /** The problem at {@code path}, as the caller reports it. */
    RuntimeException problem(String path, String problem);
  }

  private static final class Frame {
    final String path;
    final boolean object;
    final Set<String> names = new HashSet<>();
    int index;

    Frame(String path, boolean object) {
      this.path = path;
      this.object = object;
    }
  }

  private ExtensionsCopy() {}

  /**
   * Copies the object whose {@code START_OBJECT} is the current token of {@code in}, up to and
   * including its {@code END_OBJECT}.
   *
   * @param in the source, positioned on the object's start
   * @param out where to write the object
   * @param path the path of the object
   * @param maxDepth the deepest nesting allowed, as {@link Tokens#depth()} counts it
   * @throws IOException if the generator fails
   */
  static void copyObject(Tokens in, JsonGenerator out, String path, int maxDepth)
      throws IOException {
    Deque<Frame> frames = new ArrayDeque<>();
    out.writeStartObject();
    frames.push(new Frame(path, true));
    while (!frames.isEmpty()) {
      Frame frame = frames.peek();
      String valuePath;
      JsonToken token;
      if (frame.object) {
        token = in.next(frame.path);
        if (token == JsonToken.END_OBJECT) {
          out.writeEndObject();
          frames.pop();
          continue;
        }
        String name = in.name(frame.path);
        valuePath = JsonPaths.field(frame.path, name);
        if (!frame.names.add(name)) {
          throw in.problem(valuePath, "duplicate field " + JsonPaths.quoted(name));
        }
        out.writeFieldName(name);
        token = in.next(valuePath);
      } else {
        valuePath = JsonPaths.element(frame.path, frame.index);
        token = in.next(valuePath);
        if (token == JsonToken.END_ARRAY) {
          out.writeEndArray();
          frames.pop();
          continue;
        }
        frame.index++;
      }
      switch (token) {
        case START_OBJECT:
        case START_ARRAY:
          if (in.depth() > maxDepth) {
            throw in.problem(
                valuePath, "nesting is deeper than the limit of " + maxDepth + " levels");
          }
          boolean object = token == JsonToken.START_OBJECT;
          if (object) {
            out.writeStartObject();
          } else {
            out.writeStartArray();
          }
          frames.push(new Frame(valuePath, object));
          break;
        case VALUE_STRING:
          out.writeString(in.text(valuePath));
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          out.writeNumber(in.text(valuePath));
          break;
        case VALUE_TRUE:
          out.writeBoolean(true);
          break;
        case VALUE_FALSE:
          out.writeBoolean(false);
          break;
        case VALUE_NULL:
          out.writeNull();
          break;
        default:
          throw in.problem(valuePath, "unexpected token " + token);
      }
    }
  }
}
