package org.balint.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Named parameters: each bound once by name, wherever it occurs, and none left unbound. */
class SqlTest {
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:");
    try (var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (a_s BIGINT, a_ns INT, b VARCHAR(10))");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void instant_bindsItsTwoColumnsByName() throws SQLException {
    Instant at = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    try (Sql.Bound insert = Sql.insert("t", "b", "a_ns", "a_s").prepare(connection)) {
      insert.instant("a", at).text("b", "x").update();
    }

    try (Sql.Bound select = Sql.of("SELECT a_s, a_ns FROM t WHERE b = :b").prepare(connection)) {
      assertEquals(
          Optional.of(at),
          select.text("b", "x").first(row -> Columns.instant(row, "a").orElseThrow()));
    }
  }

  @Test
  void aParameterUsedTwice_isBoundOnceForBoth() throws SQLException {
    try (Sql.Bound insert = Sql.insert("t", "a_s", "a_ns", "b").prepare(connection)) {
      insert.number("a_s", 5).number("a_ns", 5).text("b", "y").update();
    }

    try (Sql.Bound select =
        Sql.of("SELECT b FROM t WHERE a_s = :n AND a_ns = :n").prepare(connection)) {
      assertEquals(Optional.of("y"), select.number("n", 5).first(row -> row.getString("b")));
    }
  }

  @Test
  void aStatementWithAParameterUnbound_isRefusedBeforeItRuns() throws SQLException {
    try (Sql.Bound insert = Sql.insert("t", "a_s", "a_ns", "b").prepare(connection)) {
      insert.number("a_s", 1).text("b", "z");

      IllegalStateException thrown = assertThrows(IllegalStateException.class, insert::update);

      assertEquals(
          "parameter :a_ns is not bound in INSERT INTO t (a_s, a_ns, b) VALUES (:a_s, :a_ns, :b)",
          thrown.getMessage());
    }
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void aNameNotInTheStatement_isRefused() throws SQLException {
    try (Sql.Bound select = Sql.of("SELECT b FROM t WHERE b = :b").prepare(connection)) {
      IllegalArgumentException thrown =
          assertThrows(IllegalArgumentException.class, () -> select.text("c", "x"));

      assertEquals("no parameter :c in SELECT b FROM t WHERE b = :b", thrown.getMessage());
    }
  }

  @Test
  void eachRowOfABatch_mustBindEveryParameterAgain() throws SQLException {
    try (Sql.Bound insert = Sql.insert("t", "a_s", "a_ns", "b").prepare(connection)) {
      insert.number("a_s", 1).number("a_ns", 2).text("b", "first").add();
      insert.text("b", "second");

      IllegalStateException thrown = assertThrows(IllegalStateException.class, insert::add);

      assertEquals(
          "parameter :a_s is not bound in INSERT INTO t (a_s, a_ns, b) VALUES (:a_s, :a_ns, :b)",
          thrown.getMessage());
    }
  }
}
