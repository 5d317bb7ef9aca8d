package org.balint.cli;

import java.util.Locale;
import org.balint.json.BalintJsonReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --max-size SIZE} option of commands that read {@code balint/1} documents (a picocli
 * mixin): the largest document read, in bytes or with a {@code K}, {@code M} or {@code G} suffix
 * (powers of 1024).
 */
final class DocumentSizeOption {
  /** The largest limit: a document is read into one array. */
  private static final long MAX = BalintJsonReader.MAX_DOCUMENT_BYTES;

  @Option(
      names = "--max-size",
      paramLabel = "SIZE",
      defaultValue = "64M",
      converter = SizeConverter.class,
      description =
          "The largest document read (default: ${DEFAULT-VALUE}; a number of bytes, or with K, M"
              + " or G; at most 2G). A larger document may need more memory: see BALINT_JAVA_OPTS.")
  private int maxBytes = BalintJsonReader.DEFAULT_MAX_DOCUMENT_BYTES;

  /**
   * A reader with this limit.
   *
   * @return the reader
   */
  BalintJsonReader reader() {
    return maxBytes == BalintJsonReader.DEFAULT_MAX_DOCUMENT_BYTES
        ? BalintJsonReader.standard()
        : BalintJsonReader.builder().maxDocumentBytes(maxBytes).build();
  }

  /** Reads {@code 512}, {@code 300K}, {@code 64M}, {@code 1G}. */
  static final class SizeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String size = value.strip().toUpperCase(Locale.ROOT);
      long unit = 1;
      if (size.endsWith("K") || size.endsWith("M") || size.endsWith("G")) {
        unit = 1L << (10 * ("KMG".indexOf(size.charAt(size.length() - 1)) + 1));
        size = size.substring(0, size.length() - 1);
      }
      long bytes;
      try {
        bytes = Long.parseLong(size) * unit;
      } catch (NumberFormatException e) {
        bytes = -1;
      }
      if (bytes < 1 || bytes > MAX + 8) {
        throw new TypeConversionException(
            "expected a size of 1 byte to 2G, such as 64M or 500K, but was \"" + value + "\"");
      }
      return (int) Math.min(bytes, MAX);
    }
  }
}
