package org.balint.cli;

import org.balint.jdbc.JdbcStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --db JDBC_URL} option of the commands that use the store (a picocli mixin). */
final class StoreOption {
  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      converter = StoreOption.JdbcUrl.class,
      description = "The database (default: the embedded H2 database under ./balint-data/).")
  private @Nullable String url;

  /**
   * Opens the store the option names, or the embedded default.
   *
   * @return the open store; close it when done
   * @throws org.balint.store.StorageException if it cannot be opened
   */
  JdbcStore open() {
    return url == null ? JdbcStore.openDefault() : JdbcStore.open(url);
  }

  /**
   * Names the store for messages.
   *
   * @return the URL given, or the default's
   */
  String describe() {
    return url == null ? JdbcStore.DEFAULT_URL : url;
  }

  /**
   * Refuses, as a usage error, a {@code --db} value that is not a JDBC URL (such as {@code
   * postgres://...}); the value is not repeated, as it may hold a password.
   */
  static final class JdbcUrl implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.startsWith("jdbc:")) {
        throw new TypeConversionException(
            "not a JDBC URL; give jdbc:h2:..., jdbc:postgresql://... or jdbc:mariadb://...");
      }
      return value;
    }
  }
}
