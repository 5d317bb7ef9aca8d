package org.balint.cli;

import org.balint.jdbc.JdbcStore;
import org.jspecify.annotations.Nullable;

/** Opens the store a {@code --db JDBC_URL} option names, or the embedded default. */
final class StoreOption {
  private StoreOption() {}

  /**
   * Opens a store.
   *
   * @param url the JDBC URL, or null for the embedded H2 database under {@code ./balint-data/}
   * @return the open store; close it when done
   * @throws org.balint.store.StorageException if it cannot be opened
   */
  static JdbcStore open(@Nullable String url) {
    return url == null ? JdbcStore.openDefault() : JdbcStore.open(url);
  }

  /**
   * Names a store for messages.
   *
   * @param url the JDBC URL, or null for the embedded default
   * @return the URL, or the default's
   */
  static String describe(@Nullable String url) {
    return url == null ? JdbcStore.DEFAULT_URL : url;
  }
}
