package org.balint.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.balint.store.BalintStore;
import org.balint.store.ConfidentialStore;
import org.balint.store.GroupRepository;
import org.balint.store.SchemaTooNewException;
import org.balint.store.SessionRepository;
import org.balint.store.StorageException;
import org.balint.store.StorageUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * A store in a database reached by JDBC: the embedded H2 database in the user's data directory by
 * default ({@link DefaultDatabase}), or PostgreSQL or MariaDB by URL.
 *
 * <p>Opening a store creates a HikariCP connection pool and brings the schema up to date with
 * Flyway. Its writes are checked by {@link ConfidentialStore}: consent, patient identifiers and the
 * groups' retention policies are enforced before anything reaches the database. Every failure is a
 * {@link StorageException} whose message is one plain line, so that a command-line program can
 * print it as is:
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.open("jdbc:postgresql://db.example.org/balint?user=balint")) {
 *   store.groups().store(record);
 * }
 * }</pre>
 */
public final class JdbcStore implements BalintStore {
  private final @Nullable HikariDataSource pool;
  private final String location;
  private Runnable onClose = () -> {};
  private final Dialect dialect;
  private final BalintStore checked;

  private JdbcStore(
      DataSource dataSource, @Nullable HikariDataSource pool, Dialect dialect, String location) {
    this.pool = pool;
    this.location = location;
    this.dialect = dialect;
    Transactions transactions = new Transactions(dataSource, dialect);
    GroupRepositoryJdbc groups = new GroupRepositoryJdbc(transactions);
    SessionRepositoryJdbc sessions = new SessionRepositoryJdbc(transactions);
    this.checked =
        ConfidentialStore.of(
            new BalintStore() {
              @Override
              public GroupRepository groups() {
                return groups;
              }

              @Override
              public SessionRepository sessions() {
                return sessions;
              }

              @Override
              public void close() {
                // The pool is closed by the JdbcStore.
              }
            });
  }

  /**
   * Opens the user's default database ({@link DefaultDatabase#ofEnvironment()}): {@code BALINT_DB}
   * if set, otherwise the embedded H2 database in the user's data directory, created if needed with
   * its folder and files readable by their owner only.
   *
   * @return the store
   * @throws StorageUnavailableException if the database cannot be opened (for example, another
   *     program has it open)
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   */
  public static JdbcStore openDefault() {
    return open(DefaultDatabase.ofEnvironment(), true);
  }

  /**
   * Opens a default database (the user's, or one in a folder of its own), creating it if asked. An
   * embedded database's folder and files are kept readable by their owner only, on opening and
   * again on closing.
   *
   * @param database the database
   * @param create whether to create an embedded database that does not exist yet
   * @return the store
   * @throws StorageUnavailableException if the database cannot be opened, or does not exist and
   *     {@code create} is false
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   */
  public static JdbcStore open(DefaultDatabase database, boolean create) {
    checkNotNull(database, "database must not be null");
    if (create) {
      database.createFolder();
    }
    JdbcStore store = create ? open(database.url()) : openExisting(database.url());
    try {
      database.protect();
    } catch (RuntimeException failure) {
      store.close();
      throw failure;
    }
    store.onClose = database::protect;
    return store;
  }

  /**
   * Opens a database that must exist already, for reading: an embedded H2 database that is not
   * there is reported, never created empty (a mistyped path stays a mistake).
   *
   * @param jdbcUrl the URL, as for {@link #open(String)}
   * @return the store
   * @throws StorageUnavailableException if the database does not exist or cannot be reached
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   */
  public static JdbcStore openExisting(String jdbcUrl) {
    checkNotNull(jdbcUrl, "jdbcUrl must not be null");
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    if (h2File && !url.contains(";ifexists=")) {
      return open(jdbcUrl + ";IFEXISTS=TRUE", null, null, jdbcUrl);
    }
    return open(jdbcUrl);
  }

  /**
   * Opens a database by URL; user and password, if needed, are given in the URL.
   *
   * @param jdbcUrl a URL such as {@code jdbc:h2:file:/srv/balint/balint}, {@code
   *     jdbc:postgresql://host:5432/balint?user=balint&password=secret} or {@code
   *     jdbc:mariadb://host:3306/balint?user=balint&password=secret}
   * @return the store
   * @throws StorageUnavailableException if the database cannot be reached, refuses the user or does
   *     not exist
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   * @throws StorageException if the URL names a database Balint does not run on, or the schema
   *     cannot be brought up to date
   */
  public static JdbcStore open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens a database by URL with a user name and password.
   *
   * @param jdbcUrl the URL, as for {@link #open(String)}
   * @param user the user name, or null to use the URL's
   * @param password the password, or null to use the URL's
   * @return the store
   * @throws StorageUnavailableException if the database cannot be reached, refuses the user or does
   *     not exist
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   * @throws StorageException if the URL names a database Balint does not run on, or the schema
   *     cannot be brought up to date
   */
  public static JdbcStore open(String jdbcUrl, @Nullable String user, @Nullable String password) {
    checkNotNull(jdbcUrl, "jdbcUrl must not be null");
    return open(jdbcUrl, user, password, jdbcUrl);
  }

  private static JdbcStore open(
      String jdbcUrl, @Nullable String user, @Nullable String password, String shownUrl) {
    Dialect dialect = dialectOfUrl(jdbcUrl);
    HikariConfig config = new HikariConfig();
    // H2 writes its own trace file beside the database (statements and their values), and when
    // it cannot, prints its stack traces on standard error: neither is wanted.
    boolean untraced =
        dialect == Dialect.H2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains("TRACE_LEVEL_FILE=");
    config.setJdbcUrl(untraced ? jdbcUrl + ";TRACE_LEVEL_FILE=0" : jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("balint");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(10_000);
    if (dialect == Dialect.H2) {
      config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
    }
    if (dialect == Dialect.POSTGRESQL) {
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException failure) {
      throw SqlFailures.opening(shownUrl, failure);
    }
    try {
      prepare(pool, dialect);
      return new JdbcStore(pool, pool, dialect, SqlFailures.redact(shownUrl));
    } catch (RuntimeException failure) {
      pool.close();
      throw failure;
    }
  }

  /**
   * Opens a store on a data source the caller owns, such as a platform's own pool; closing the
   * store leaves the data source open. Connections should use read-committed isolation.
   *
   * @param dataSource the data source
   * @return the store
   * @throws StorageUnavailableException if no connection can be had
   * @throws SchemaTooNewException if a newer Balint has migrated the database
   * @throws StorageException if the database is not one Balint runs on, or the schema cannot be
   *     brought up to date
   */
  public static JdbcStore open(DataSource dataSource) {
    checkNotNull(dataSource, "dataSource must not be null");
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException failure) {
      throw SqlFailures.opening("(the data source given)", failure);
    }
    prepare(dataSource, dialect);
    return new JdbcStore(dataSource, null, dialect, "(the data source given)");
  }

  /**
   * Brings the schema up to date and, on H2, makes every commit reach the file before it returns.
   *
   * <p>H2 by default writes commits to its file in the background, up to half a second later; a
   * process killed in that window was seen (by {@code KillTest}) to leave part of a transaction
   * behind. With a write delay of 0 no torn record was seen in any trial, at a small cost to import
   * speed (docs/performance.md). The setting is kept in the database file.
   */
  private static void prepare(DataSource dataSource, Dialect dialect) {
    Migrations.apply(dataSource, dialect);
    if (dialect == Dialect.H2) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SET WRITE_DELAY 0");
      } catch (SQLException failure) {
        throw SqlFailures.during("setting up the H2 database", failure);
      }
    }
  }

  private static Dialect dialectOfUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return Dialect.H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL;
    }
    if (url.startsWith("jdbc:mariadb:")) {
      return Dialect.MARIADB;
    }
    throw new StorageException(
        "cannot open the database "
            + SqlFailures.redact(jdbcUrl)
            + ": the URL schemes Balint supports are jdbc:h2: (embedded H2), jdbc:postgresql://"
            + " (PostgreSQL) and jdbc:mariadb:// (MariaDB, and MySQL servers too)");
  }

  /**
   * The group repository, its writes checked by {@link ConfidentialStore}.
   *
   * @return the group repository
   */
  @Override
  public GroupRepository groups() {
    return checked.groups();
  }

  /**
   * The session repository, its writes checked by {@link ConfidentialStore}.
   *
   * @return the session repository
   */
  @Override
  public SessionRepository sessions() {
    return checked.sessions();
  }

  /**
   * Names the kind of database, for messages such as "stored in PostgreSQL".
   *
   * @return {@code H2}, {@code PostgreSQL} or {@code MariaDB}
   */
  public String databaseKind() {
    switch (dialect) {
      case H2:
        return "H2";
      case POSTGRESQL:
        return "PostgreSQL";
      default:
        return "MariaDB";
    }
  }

  /**
   * Hides a password a JDBC URL holds, so that messages can show the URL.
   *
   * @param jdbcUrl the URL
   * @return the URL with any {@code password=} value (and any {@code user:password@}) hidden
   */
  public static String redacted(String jdbcUrl) {
    return SqlFailures.redact(checkNotNull(jdbcUrl, "jdbcUrl must not be null"));
  }

  /**
   * Names the database for messages, without a password the URL may hold.
   *
   * @return the URL with any {@code password=} value hidden
   */
  public String location() {
    return location;
  }

  /** Closes the connection pool this store opened; a data source given by the caller stays open. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
    onClose.run();
  }
}
