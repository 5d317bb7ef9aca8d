package org.balint.jdbc;

import com.google.common.collect.ImmutableMap;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import org.balint.store.StorageException;

/**
 * What differs between the databases Balint runs on: the column types the schema's placeholders
 * stand for, and the isolation that gives a read one consistent view.
 */
enum Dialect {
  /** H2, the embedded default: text up to a million characters, binary comparison of ids. */
  H2(
      "CHARACTER VARYING",
      "VARCHAR(64)",
      "",
      "ALTER COLUMN session_mode DROP NOT NULL",
      Connection.TRANSACTION_SERIALIZABLE),
  /** PostgreSQL and engines that speak its protocol: ids compared byte by byte. */
  POSTGRESQL(
      "TEXT",
      "VARCHAR(64) COLLATE \"C\"",
      "",
      "ALTER COLUMN session_mode DROP NOT NULL",
      Connection.TRANSACTION_REPEATABLE_READ),
  /** MariaDB and MySQL: InnoDB tables in utf8mb4 with binary collation, so ids keep their case. */
  MARIADB(
      "MEDIUMTEXT",
      "VARCHAR(64)",
      "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
      "MODIFY session_mode VARCHAR(16) NULL",
      Connection.TRANSACTION_REPEATABLE_READ);

  private final String text;
  private final String id;
  private final String tableOptions;
  private final String sessionModeNullable;
  private final int readIsolation;

  Dialect(
      String text, String id, String tableOptions, String sessionModeNullable, int readIsolation) {
    this.text = text;
    this.id = id;
    this.tableOptions = tableOptions;
    this.sessionModeNullable = sessionModeNullable;
    this.readIsolation = readIsolation;
  }

  /**
   * Recognises a database by the product name its driver reports.
   *
   * @param productName the product name, such as {@code PostgreSQL}
   * @return the dialect
   * @throws StorageException if the database is not one Balint runs on
   */
  static Dialect of(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return H2;
    }
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    throw new StorageException(
        "Balint does not run on " + productName + "; use H2, PostgreSQL or MariaDB");
  }

  /**
   * The values of the migrations' placeholders for this database.
   *
   * @return placeholder name to SQL text
   */
  Map<String, String> placeholders() {
    return ImmutableMap.of(
        "text",
        text,
        "id",
        id,
        "table_options",
        tableOptions,
        "session_mode_nullable",
        sessionModeNullable);
  }

  /**
   * The isolation level under which a read of several tables sees one consistent snapshot.
   *
   * @return a {@link Connection} isolation constant
   */
  int readIsolation() {
    return readIsolation;
  }
}
