package org.balint.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.balint.session.GroupRecord;

/**
 * Reads and writes {@code balint/1} documents: the entry point of this module.
 *
 * <p>Reading is strict: every required field present, no {@code null}, no unknown field outside
 * {@code "extensions"}, no duplicate key, no coercion between JSON types, well-formed UTF-8 only
 * (no overlong form, no encoded surrogate), no U+0000 in a string of the format, every enum value,
 * id, reference, time and text checked, with the first problem reported as a {@link
 * BalintFormatException} that names its JSON path: the path of the value for what the format's JSON
 * decides (a type, a field, an enum spelling, a date or time, {@code
 * $.sessions[0].contributions[3].phase: expected one of OPENING, ...}), the path of the object for
 * what the domain type refuses as it is built (an id's shape, a text's length, a repeated id, times
 * out of order), with the domain type's message naming the field ({@code $.sessions[0]: session.end
 * must not be before session.start (...), but was ...}). No message holds the text of a
 * contribution. These methods read with the default limits of {@link BalintJsonReader#standard()};
 * build a {@link BalintJsonReader} for others.
 *
 * <p>Writing emits the same format, pretty-printed with two-space indentation, each array element
 * and object field on its own line, a trailing newline, instants in UTC with {@code Z}, and absent
 * optional fields left out ({@code end}, {@code mode}, {@code recording}, {@code joined}, {@code
 * left}, {@code at}, {@code kind}, {@code extensions}; {@code case} when it is 0): a session whose
 * record gives no mode is written without one, and read back as one that met in person. Extensions
 * are written back as the same JSON object. Reading what was written gives an equal record. The
 * format is described in full in docs/format.md.
 */
public final class BalintJson {
  private BalintJson() {}

  /**
   * Reads a document from bytes in UTF-8 (a leading byte order mark is allowed).
   *
   * @param bytes the document
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document
   */
  public static GroupRecord read(byte[] bytes) {
    return BalintJsonReader.standard().read(bytes);
  }

  /**
   * Reads a document from a stream in UTF-8, up to its end. The stream is not closed.
   *
   * @param in the stream
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document
   * @throws IOException if the stream cannot be read
   */
  public static GroupRecord read(InputStream in) throws IOException {
    return BalintJsonReader.standard().read(in);
  }

  /**
   * Reads a document from a file in UTF-8.
   *
   * @param file the file
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document
   * @throws IOException if the file cannot be read
   */
  public static GroupRecord read(Path file) throws IOException {
    return BalintJsonReader.standard().read(file);
  }

  /**
   * Writes a record as a {@code balint/1} document.
   *
   * @param record the record
   * @return the document: pretty-printed JSON ending with a newline
   * @throws IllegalArgumentException if the record holds extensions that are not a well-formed JSON
   *     object, or text that is not valid Unicode (an unpaired surrogate)
   */
  public static String write(GroupRecord record) {
    return DocumentWriter.write(record);
  }

  /**
   * Writes a record as a {@code balint/1} document in UTF-8 to a stream. The document is built in
   * full before the first byte is written, so a record that cannot be written leaves the stream
   * untouched. The stream is flushed, not closed.
   *
   * @param record the record
   * @param out the stream
   * @throws IllegalArgumentException if the record cannot be written (see {@link
   *     #write(GroupRecord)})
   * @throws IOException if the stream cannot be written
   */
  public static void write(GroupRecord record, OutputStream out) throws IOException {
    out.write(DocumentWriter.writeUtf8(record));
    out.flush();
  }
}
