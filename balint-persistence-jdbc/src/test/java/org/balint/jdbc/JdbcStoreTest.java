package org.balint.jdbc;

import static org.balint.store.StoreFixtures.richRecord;
import static org.balint.store.StoreFixtures.violationsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.balint.privacy.RetentionPolicy;
import org.balint.session.GroupRecord;
import org.balint.store.SchemaTooNewException;
import org.balint.store.StorageException;
import org.balint.store.StorageUnavailableException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database, and the plain one-line messages when that or a write fails. */
class JdbcStoreTest {

  @Test
  void open_aPortWhereNothingListens_failsSayingSoWithoutThePassword() {
    StorageUnavailableException thrown =
        assertThrows(
            StorageUnavailableException.class,
            () -> JdbcStore.open("jdbc:postgresql://127.0.0.1:1/balint?user=u&password=secret"));

    assertTrue(
        thrown
            .getMessage()
            .startsWith(
                "cannot open the database jdbc:postgresql://127.0.0.1:1/balint?user=u&password=***:"
                    + " nothing answers at that host and port ("),
        thrown.getMessage());
    assertFalse(thrown.getMessage().contains("secret"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("\n"), thrown.getMessage());
  }

  @Test
  void open_aDatabaseThatDoesNotExist_failsSayingSo() {
    String admin = ScratchDatabase.embeddedPostgresUrl();
    String missing = admin.replace("/postgres?", "/no_such_database?");

    StorageUnavailableException thrown =
        assertThrows(StorageUnavailableException.class, () -> JdbcStore.open(missing));

    assertTrue(thrown.getMessage().endsWith(": the database does not exist"), thrown.getMessage());
  }

  @Test
  void open_aUrlOfAnotherDatabase_failsNamingTheOnesSupported() {
    StorageException thrown =
        assertThrows(StorageException.class, () -> JdbcStore.open("jdbc:oracle:thin:@db:1521/x"));

    assertEquals(
        "cannot open the database jdbc:oracle:thin:@db:1521/x: the URL schemes Balint supports are"
            + " jdbc:h2: (embedded H2), jdbc:postgresql:// (PostgreSQL) and jdbc:mariadb://"
            + " (MariaDB, and MySQL servers too)",
        thrown.getMessage());
  }

  @Test
  void open_again_findsWhatWasStored(@TempDir Path directory) {
    String url = "jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath();
    GroupRecord record = richRecord("riverside", 1);
    try (JdbcStore store = JdbcStore.open(url)) {
      store.groups().store(record, violationsOf(record));
      assertEquals("H2", store.databaseKind());
    }

    try (JdbcStore store = JdbcStore.open(url)) {
      assertEquals(record, store.groups().findRecord("riverside").orElseThrow().value());
      assertEquals(violationsOf(record), store.groups().violations("riverside"));
    }
  }

  @Test
  void open_aVersionOneDatabase_addsRetentionAndKeepsTheGroups(@TempDir Path directory) {
    String url = "jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    Flyway.configure(JdbcStoreTest.class.getClassLoader())
        .dataSource(h2)
        .locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        .placeholders(Dialect.H2.placeholders())
        .target("1")
        .load()
        .migrate();
    ScratchDatabase.execute(
        url,
        "INSERT INTO balint_group (group_id, name, version, generation)"
            + " VALUES ('riverside', 'Riverside', 3, 1)");

    try (JdbcStore store = JdbcStore.open(url)) {
      assertEquals(3, store.groups().findGroup("riverside").orElseThrow().version());
      assertEquals(
          Optional.of(RetentionPolicy.keepEverything()), store.groups().retention("riverside"));
      store.groups().setRetention("riverside", RetentionPolicy.contributionsForDays(30));
      assertEquals(
          Optional.of(RetentionPolicy.contributionsForDays(30)),
          store.groups().retention("riverside"));
    }
  }

  @Test
  void open_aSchemaMigratedByANewerBalint_throwsSchemaTooNew(@TempDir Path directory) {
    String url = "jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath();
    JdbcStore.open(url).close();
    ScratchDatabase.execute(
        url,
        "INSERT INTO \"balint_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0,"
            + " 'a newer balint', 0, TRUE)");

    SchemaTooNewException thrown =
        assertThrows(SchemaTooNewException.class, () -> JdbcStore.open(url));

    assertEquals(
        "the database's schema is version 99, newer than this program knows (4); use a newer"
            + " version of Balint with this database",
        thrown.getMessage());
  }

  @Test
  void store_failingInTheMiddleOfTheContributions_storesNothingAndSaysWhy() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + ScratchDatabase.uniqueName() + ";DB_CLOSE_DELAY=-1");
    GroupRecord before = richRecord("riverside", 2);
    try (JdbcStore store = JdbcStore.open(failingOnContributions(h2, false))) {
      store.groups().store(before);
    }

    try (JdbcStore store = JdbcStore.open(failingOnContributions(h2, true))) {
      StorageException thrown =
          assertThrows(
              StorageException.class, () -> store.groups().store(richRecord("lakeside", 3)));
      assertThrows(StorageException.class, () -> store.groups().store(richRecord("riverside", 4)));

      assertEquals(
          "storing group lakeside failed: the disk is full (simulated)", thrown.getMessage());
      assertEquals(Optional.empty(), store.groups().findRecord("lakeside"));
      assertEquals(before, store.groups().findRecord("riverside").orElseThrow().value());
    }
  }

  /** A data source whose batches of contributions fail, as if the disk filled while writing. */
  private static DataSource failingOnContributions(DataSource real, boolean failing) {
    return proxy(
        DataSource.class,
        real,
        (method, args, result) ->
            failing && method.equals("getConnection")
                ? proxy(
                    Connection.class,
                    result,
                    (connectionMethod, sql, statement) ->
                        connectionMethod.equals("prepareStatement")
                                && String.valueOf(sql[0])
                                    .startsWith("INSERT INTO balint_contribution")
                            ? proxy(
                                PreparedStatement.class,
                                statement,
                                (statementMethod, ignored, value) -> {
                                  if (statementMethod.equals("executeBatch")) {
                                    throw new SQLException("the disk is full (simulated)", "53100");
                                  }
                                  return value;
                                })
                            : statement)
                : result);
  }

  /** What a proxy does with the result of a call made on the real object. */
  @FunctionalInterface
  private interface AfterCall {
    Object apply(String method, Object[] args, Object result) throws Throwable;
  }

  /**
   * A proxy that calls the real object and lets {@code after} replace the result; a replacement
   * that throws simulates a failure. For {@code executeBatch}, the failure comes before the call.
   */
  private static <T> T proxy(Class<T> type, Object real, AfterCall after) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object[] arguments = args == null ? new Object[0] : args;
          if (method.getName().equals("executeBatch")) {
            after.apply("executeBatch", arguments, null);
          }
          Object result;
          try {
            result = method.invoke(real, arguments);
          } catch (InvocationTargetException failure) {
            throw failure.getCause();
          }
          return after.apply(method.getName(), arguments, result);
        };
    return type.cast(
        Proxy.newProxyInstance(
            JdbcStoreTest.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
