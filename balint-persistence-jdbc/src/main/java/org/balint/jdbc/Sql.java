package org.balint.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balint.Extensions;

/**
 * One SQL statement with named parameters ({@code :group_id}), bound by name: a parameter may occur
 * more than once, each is bound exactly once, and a statement runs only when every one is bound.
 *
 * <p>Values that take two columns are bound as two parameters named after them: an instant {@code
 * start} as {@code :start_s} (seconds since 1970-01-01T00:00Z) and {@code :start_ns} (nanoseconds),
 * a period likewise. The statement text has no other colons.
 */
final class Sql {
  private static final Pattern PARAMETER = Pattern.compile(":([a-z][a-z0-9_]*)");

  private final String text;
  private final String jdbc;

  /** Each parameter's positions in the JDBC statement, from 1, by name in order of first use. */
  private final ImmutableMap<String, int[]> positions;

  private Sql(String text, String jdbc, ImmutableMap<String, int[]> positions) {
    this.text = text;
    this.jdbc = jdbc;
    this.positions = positions;
  }

  /**
   * Parses a statement.
   *
   * @param text the SQL with named parameters
   * @return the statement
   */
  static Sql of(String text) {
    Map<String, List<Integer>> found = new LinkedHashMap<>();
    Matcher parameter = PARAMETER.matcher(text);
    StringBuilder jdbc = new StringBuilder();
    int position = 0;
    while (parameter.find()) {
      found.computeIfAbsent(parameter.group(1), name -> new ArrayList<>()).add(++position);
      parameter.appendReplacement(jdbc, "?");
    }
    parameter.appendTail(jdbc);
    ImmutableMap.Builder<String, int[]> positions = ImmutableMap.builder();
    found.forEach(
        (name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
    return new Sql(text, jdbc.toString(), positions.buildOrThrow());
  }

  /**
   * An INSERT of one row into a table, with one parameter per column, named as the column.
   *
   * @param table the table
   * @param columns its columns
   * @return the statement
   */
  static Sql insert(String table, String... columns) {
    ImmutableList<String> names = ImmutableList.copyOf(columns);
    return of(
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES (:"
            + String.join(", :", names)
            + ")");
  }

  /**
   * Prepares the statement on a connection.
   *
   * @param connection the connection
   * @return the prepared statement, to bind and run, then close
   * @throws SQLException if the database refuses the statement
   */
  Bound prepare(Connection connection) throws SQLException {
    return new Bound(connection.prepareStatement(jdbc));
  }

  /** The names {@code NAME_s} and {@code NAME_ns}. */
  private static String[] secondsAndNanos(String name) {
    return new String[] {name + "_s", name + "_ns"};
  }

  @Override
  public String toString() {
    return text;
  }

  /** Reads one row of a result; it does not advance the result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    /**
     * Reads the current row.
     *
     * @param row the result set, on the row to read
     * @return what the row holds
     * @throws SQLException if reading fails
     */
    T map(ResultSet row) throws SQLException;
  }

  /** Takes one row of a result; it does not advance the result set. */
  @FunctionalInterface
  interface RowReader {
    /**
     * Reads the current row.
     *
     * @param row the result set, on the row to read
     * @throws SQLException if reading fails
     */
    void read(ResultSet row) throws SQLException;
  }

  /**
   * A prepared statement whose parameters are bound by name. Rows added to a batch are sent in
   * chunks, so that a document of any size goes in a few round trips without holding every row in
   * the driver at once; closing sends the rest.
   */
  final class Bound implements AutoCloseable {
    private static final int CHUNK = 500;

    private final PreparedStatement statement;
    private final Set<String> bound = new HashSet<>();
    private int pending;

    private Bound(PreparedStatement statement) {
      this.statement = statement;
    }

    private int[] positionsOf(String name) {
      int[] at = positions.get(name);
      checkArgument(at != null, "no parameter :%s in %s", name, text);
      bound.add(name);
      return at;
    }

    /**
     * Binds the key every row of a group's record starts with: {@code :group_id} and {@code
     * :generation}.
     *
     * @param groupId the group's id
     * @param generation the generation of the group's rows
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound generation(String groupId, long generation) throws SQLException {
      return text("group_id", groupId).number("generation", generation);
    }

    /**
     * Binds text.
     *
     * @param name the parameter
     * @param value the text
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound text(String name, String value) throws SQLException {
      for (int position : positionsOf(name)) {
        statement.setString(position, value);
      }
      return this;
    }

    /**
     * Binds optional text, NULL when empty.
     *
     * @param name the parameter
     * @param value the text
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound text(String name, Optional<String> value) throws SQLException {
      for (int position : positionsOf(name)) {
        if (value.isPresent()) {
          statement.setString(position, value.get());
        } else {
          statement.setNull(position, Types.VARCHAR);
        }
      }
      return this;
    }

    /**
     * Binds a number.
     *
     * @param name the parameter
     * @param value the number
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound number(String name, long value) throws SQLException {
      for (int position : positionsOf(name)) {
        statement.setLong(position, value);
      }
      return this;
    }

    /**
     * Binds a number that fits an {@code INT} column.
     *
     * @param name the parameter
     * @param value the number
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound number(String name, int value) throws SQLException {
      for (int position : positionsOf(name)) {
        statement.setInt(position, value);
      }
      return this;
    }

    /**
     * Binds an optional number, NULL when empty.
     *
     * @param name the parameter
     * @param value the number
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound number(String name, OptionalInt value) throws SQLException {
      for (int position : positionsOf(name)) {
        if (value.isPresent()) {
          statement.setInt(position, value.getAsInt());
        } else {
          statement.setNull(position, Types.INTEGER);
        }
      }
      return this;
    }

    private Bound optionalNumber(String name, Optional<Long> value) throws SQLException {
      for (int position : positionsOf(name)) {
        if (value.isPresent()) {
          statement.setLong(position, value.get());
        } else {
          statement.setNull(position, Types.BIGINT);
        }
      }
      return this;
    }

    /**
     * Binds an optional instant as {@code :NAME_s} and {@code :NAME_ns}, both NULL when empty.
     *
     * @param name the parameters' common prefix, such as {@code start}
     * @param instant the instant
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound instant(String name, Optional<Instant> instant) throws SQLException {
      String[] pair = secondsAndNanos(name);
      if (instant.isPresent()) {
        return number(pair[0], instant.get().getEpochSecond())
            .number(pair[1], instant.get().getNano());
      }
      return optionalNumber(pair[0], Optional.empty()).number(pair[1], OptionalInt.empty());
    }

    /**
     * Binds an instant as {@code :NAME_s} and {@code :NAME_ns}.
     *
     * @param name the parameters' common prefix, such as {@code start}
     * @param instant the instant
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound instant(String name, Instant instant) throws SQLException {
      String[] pair = secondsAndNanos(name);
      return number(pair[0], instant.getEpochSecond()).number(pair[1], instant.getNano());
    }

    /**
     * Binds an optional period as {@code :NAME_s} and {@code :NAME_ns}, both NULL when empty.
     *
     * @param name the parameters' common prefix, such as {@code retain_titles}
     * @param duration the period
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound duration(String name, Optional<Duration> duration) throws SQLException {
      String[] pair = secondsAndNanos(name);
      if (duration.isPresent()) {
        return number(pair[0], duration.get().getSeconds())
            .number(pair[1], duration.get().getNano());
      }
      return optionalNumber(pair[0], Optional.empty()).number(pair[1], OptionalInt.empty());
    }

    /**
     * Binds an optional day as the number of days since 1970-01-01, NULL when empty.
     *
     * @param name the parameter
     * @param day the day
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound day(String name, Optional<LocalDate> day) throws SQLException {
      return optionalNumber(name, day.map(LocalDate::toEpochDay));
    }

    /**
     * Binds optional extensions as their JSON text, NULL when empty.
     *
     * @param name the parameter
     * @param extensions the extensions
     * @return this statement
     * @throws SQLException if binding fails
     */
    Bound extensions(String name, Optional<Extensions> extensions) throws SQLException {
      return text(name, extensions.map(Extensions::json));
    }

    private void checkBound() {
      for (String name : positions.keySet()) {
        if (!bound.contains(name)) {
          throw new IllegalStateException("parameter :" + name + " is not bound in " + text);
        }
      }
      bound.clear();
    }

    /**
     * Runs the statement once.
     *
     * @return the number of rows changed
     * @throws SQLException if the database refuses it
     */
    int update() throws SQLException {
      checkBound();
      return statement.executeUpdate();
    }

    /**
     * Adds the bound row to the batch, sending a chunk when it is full.
     *
     * @throws SQLException if the database refuses the chunk
     */
    void add() throws SQLException {
      checkBound();
      statement.addBatch();
      if (++pending == CHUNK) {
        flush();
      }
    }

    /**
     * Runs the query and hands each row of its result to a reader.
     *
     * @param reader what to do with each row
     * @throws SQLException if the query or the reader fails
     */
    void forEach(RowReader reader) throws SQLException {
      checkBound();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          reader.read(row);
        }
      }
    }

    /**
     * Runs the query and maps its first row.
     *
     * @param mapper what to make of the row
     * @param <T> what a row makes
     * @return the first row's value, or empty if there is no row
     * @throws SQLException if the query or the mapper fails
     */
    <T> Optional<T> first(RowMapper<T> mapper) throws SQLException {
      checkBound();
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
      }
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }

    /**
     * Sends the batch's rows not sent yet and closes the statement.
     *
     * @throws SQLException if the database refuses them
     */
    @Override
    public void close() throws SQLException {
      try {
        flush();
      } finally {
        statement.close();
      }
    }
  }
}
