package org.balint.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.balint.store.BalintStore;
import org.balint.store.GroupRepository;
import org.balint.store.SessionRepository;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty databases for tests, one per store opened: an H2 in-memory database, a schema in an
 * embedded PostgreSQL started once per test run, or a schema (PostgreSQL) or database (MariaDB) on
 * a server named by an environment variable. A scratch schema or database on a server is dropped
 * when its store is closed, so runs sharing a server do not see each other.
 */
final class ScratchDatabase {
  /**
   * Names the PostgreSQL server to test against, such as {@code
   * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
   */
  static final String POSTGRES_URL = "BALINT_TEST_POSTGRES_URL";

  /**
   * Names the MariaDB server to test against, such as {@code
   * jdbc:mariadb://127.0.0.1:3306/test?user=root}.
   */
  static final String MARIADB_URL = "BALINT_TEST_MARIADB_URL";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static EmbeddedPostgres embedded;

  private ScratchDatabase() {}

  /**
   * A unique name for a scratch schema or database.
   *
   * @return a name such as {@code balint_test_1a2b3c4d_7}
   */
  static String uniqueName() {
    return "balint_test_" + RUN + "_" + COUNTER.incrementAndGet();
  }

  /**
   * Opens a store on a fresh H2 in-memory database.
   *
   * @return the store
   */
  static BalintStore h2() {
    return JdbcStore.open("jdbc:h2:mem:" + uniqueName());
  }

  /**
   * The URL of the embedded PostgreSQL, started on first use and stopped when the JVM exits.
   *
   * @return an admin URL
   */
  static synchronized String embeddedPostgresUrl() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException failure) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(ScratchDatabase::stopEmbedded));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  private static synchronized void stopEmbedded() {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // The JVM is exiting; the server's directory is temporary.
    }
  }

  /**
   * Opens a store in a fresh schema of a PostgreSQL database.
   *
   * @param adminUrl a URL of the database, with a user allowed to create schemas
   * @return the store; closing it drops the schema
   */
  static BalintStore postgresSchema(String adminUrl) {
    String schema = uniqueName();
    execute(adminUrl, "CREATE SCHEMA " + schema);
    String url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return dropping(JdbcStore.open(url), adminUrl, "DROP SCHEMA " + schema + " CASCADE");
  }

  /**
   * Opens a store in a fresh database of a MariaDB server.
   *
   * @param adminUrl a URL of the server, with a user allowed to create databases
   * @return the store; closing it drops the database
   */
  static BalintStore mariadbDatabase(String adminUrl) {
    String database = uniqueName();
    execute(adminUrl, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    URI uri = URI.create(adminUrl.substring("jdbc:".length()));
    String url =
        "jdbc:"
            + uri.getScheme()
            + "://"
            + uri.getRawAuthority()
            + "/"
            + database
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return dropping(JdbcStore.open(url), adminUrl, "DROP DATABASE " + database);
  }

  /**
   * The URL an environment variable names, or a visible skip of the calling tests when it is not
   * set. When it is set, the tests run and fail if the server cannot be reached.
   *
   * @param variable the environment variable
   * @param what the database, for the message
   * @return the URL
   */
  static String requiredUrl(String variable, String what) {
    Optional<String> url =
        Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    if (url.isEmpty()) {
      String message =
          what
              + " tests SKIPPED: set "
              + variable
              + " (for example "
              + example(variable)
              + ") to run the store contract against a "
              + what;
      System.out.println("[balint] " + message);
      Assumptions.abort(message);
    }
    return url.get();
  }

  private static String example(String variable) {
    return variable.equals(MARIADB_URL)
        ? "jdbc:mariadb://127.0.0.1:3306/test?user=root"
        : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  }

  /**
   * Runs one statement on its own connection.
   *
   * @param url the database's URL
   * @param sql the statement
   * @throws IllegalStateException if it fails, naming the statement and the URL
   */
  static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failure) {
      throw new IllegalStateException(
          "cannot run \"" + sql + "\" on " + SqlFailures.redact(url) + ": " + failure.getMessage(),
          failure);
    }
  }

  private static BalintStore dropping(JdbcStore store, String adminUrl, String drop) {
    return new BalintStore() {
      @Override
      public GroupRepository groups() {
        return store.groups();
      }

      @Override
      public SessionRepository sessions() {
        return store.sessions();
      }

      @Override
      public void close() {
        store.close();
        execute(adminUrl, drop);
      }
    };
  }
}
