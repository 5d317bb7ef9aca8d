package org.balint.json;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.balint.session.GroupRecord;

/**
 * Reads {@code balint/1} documents under configurable limits.
 *
 * <p>The limits guard against hostile or broken input: a document larger than {@link
 * Builder#maxDocumentBytes(int)} is refused before it is parsed, nesting deeper than {@link
 * Builder#maxNestingDepth(int)} (objects and arrays counted from the document's outer object, which
 * is level 1) fails at once without deep recursion, and a string longer than {@link
 * Builder#maxStringLength(int)} is refused. Everything the reader refuses is reported as a {@link
 * BalintFormatException}; nothing half-read is ever returned. Instances are immutable and safe to
 * share between threads. {@link BalintJson} reads with {@link #standard()}.
 */
public final class BalintJsonReader {
  /** The default nesting limit: real documents need about six levels beyond their extensions. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

  /** The default document size limit: 64 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

  /** The largest size limit a reader can have: a document is read into one array. */
  public static final int MAX_DOCUMENT_BYTES = Integer.MAX_VALUE - 8;

  /** The default string length limit, in UTF-16 units: 1 MiB characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;

  private static final BalintJsonReader STANDARD = builder().build();

  private final int maxNestingDepth;
  private final int maxDocumentBytes;
  private final int maxStringLength;
  private final JsonFactory factory;

  private BalintJsonReader(Builder builder) {
    this.maxNestingDepth = builder.maxNestingDepth;
    this.maxDocumentBytes = builder.maxDocumentBytes;
    this.maxStringLength = builder.maxStringLength;
    this.factory = DocumentReader.factory(maxNestingDepth);
  }

  /**
   * The reader with the default limits.
   *
   * @return the standard reader
   */
  public static BalintJsonReader standard() {
    return STANDARD;
  }

  /**
   * Starts a reader with limits of your choice; unset limits keep their defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a document from bytes in UTF-8 (a leading byte order mark is allowed).
   *
   * @param bytes the document
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document or
   *     breaks a limit
   */
  public GroupRecord read(byte[] bytes) {
    checkNotNull(bytes, "bytes");
    if (bytes.length > maxDocumentBytes) {
      throw tooLarge();
    }
    return new DocumentReader(bytes, factory, maxNestingDepth, maxStringLength).read();
  }

  /**
   * Reads a document from a stream in UTF-8, up to its end. The stream is not closed.
   *
   * @param in the stream
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document or
   *     breaks a limit (a stream longer than the size limit is not read beyond it)
   * @throws IOException if the stream cannot be read
   */
  public GroupRecord read(InputStream in) throws IOException {
    checkNotNull(in, "in");
    byte[] bytes = in.readNBytes(maxDocumentBytes);
    if (bytes.length == maxDocumentBytes && in.read() != -1) {
      throw tooLarge();
    }
    return read(bytes);
  }

  /**
   * Reads a document from a file in UTF-8.
   *
   * @param file the file
   * @return the group record the document holds
   * @throws BalintFormatException if the document is not a valid {@code balint/1} document or
   *     breaks a limit (a file larger than the size limit is not read)
   * @throws IOException if the file cannot be read, for example {@link
   *     java.nio.file.NoSuchFileException}
   */
  public GroupRecord read(Path file) throws IOException {
    checkNotNull(file, "file");
    if (Files.size(file) > maxDocumentBytes) {
      throw tooLarge();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  private BalintFormatException tooLarge() {
    return new BalintFormatException(
        "$",
        "the document is larger than the limit of " + maxDocumentBytes + " bytes",
        0,
        0,
        false,
        null);
  }

  /**
   * The nesting limit of this reader.
   *
   * @return the deepest nesting of objects and arrays allowed, the outer object being level 1
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /**
   * The size limit of this reader.
   *
   * @return the largest document allowed, in bytes
   */
  public int maxDocumentBytes() {
    return maxDocumentBytes;
  }

  /**
   * The string length limit of this reader.
   *
   * @return the longest string value allowed, in UTF-16 units
   */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Builds a {@link BalintJsonReader}; each limit defaults to the matching {@code DEFAULT_*}. */
  public static final class Builder {
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /**
     * Sets the deepest nesting of objects and arrays allowed, the document's outer object being
     * level 1. The format itself needs 5 levels ({@code $.sessions[0].contributions[0]}); the rest
     * is for extensions.
     *
     * @param maxNestingDepth the limit, at least 5 and at most 10,000
     * @return this builder
     * @throws IllegalArgumentException if the limit is out of range
     */
    @CanIgnoreReturnValue
    public Builder maxNestingDepth(int maxNestingDepth) {
      checkArgument(
          maxNestingDepth >= 5 && maxNestingDepth <= 10_000,
          "maxNestingDepth must be 5-10000, but was %s",
          maxNestingDepth);
      this.maxNestingDepth = maxNestingDepth;
      return this;
    }

    /**
     * Sets the largest document allowed, in bytes.
     *
     * @param maxDocumentBytes the limit, at least 1 and at most {@link #MAX_DOCUMENT_BYTES}
     * @return this builder
     * @throws IllegalArgumentException if the limit is out of range
     */
    @CanIgnoreReturnValue
    public Builder maxDocumentBytes(int maxDocumentBytes) {
      checkArgument(
          maxDocumentBytes >= 1 && maxDocumentBytes <= MAX_DOCUMENT_BYTES,
          "maxDocumentBytes must be 1-%s, but was %s",
          MAX_DOCUMENT_BYTES,
          maxDocumentBytes);
      this.maxDocumentBytes = maxDocumentBytes;
      return this;
    }

    /**
     * Sets the longest string value allowed anywhere in a document, in UTF-16 units. A
     * contribution's text is in any case limited to 10,000 characters by the format.
     *
     * @param maxStringLength the limit, at least 20,000 (so that every valid text fits)
     * @return this builder
     * @throws IllegalArgumentException if the limit is below 20,000
     */
    @CanIgnoreReturnValue
    public Builder maxStringLength(int maxStringLength) {
      checkArgument(
          maxStringLength >= 20_000,
          "maxStringLength must be at least 20000 (a text of 10000 characters may take 20000 UTF-16"
              + " units), but was %s",
          maxStringLength);
      this.maxStringLength = maxStringLength;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return a reader with these limits
     */
    public BalintJsonReader build() {
      return new BalintJsonReader(this);
    }
  }
}
