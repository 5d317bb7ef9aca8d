package org.balint.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;
import org.jspecify.annotations.Nullable;

/**
 * Converts between column values and the domain's small types: instants as seconds and
 * nanoseconds, optional text, enums by name, extensions as their JSON text.
 */
final class Columns {
  private Columns() {}

  /**
   * Binds an instant to two parameters: its epoch seconds, then its nanoseconds.
   *
   * @param statement the statement
   * @param index the seconds parameter's index; nanoseconds go to the next
   * @param instant the instant, or null for two nulls
   * @throws SQLException if binding fails
   */
  static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
      statement.setNull(index + 1, Types.INTEGER);
    } else {
      statement.setLong(index, instant.getEpochSecond());
      statement.setInt(index + 1, instant.getNano());
    }
  }

  /**
   * Binds an optional period to two parameters: its seconds, then its nanoseconds.
   *
   * @param statement the statement
   * @param index the seconds parameter's index; nanoseconds go to the next
   * @param duration the period, or empty for two nulls
   * @throws SQLException if binding fails
   */
  static void setDuration(PreparedStatement statement, int index, Optional<Duration> duration)
      throws SQLException {
    if (duration.isEmpty()) {
      statement.setNull(index, Types.BIGINT);
      statement.setNull(index + 1, Types.INTEGER);
    } else {
      statement.setLong(index, duration.get().getSeconds());
      statement.setInt(index + 1, duration.get().getNano());
    }
  }

  /**
   * Reads an optional period from its seconds and nanoseconds columns.
   *
   * @param row the row
   * @param prefix the columns' common prefix, such as {@code retain_titles}
   * @return the period, or empty when the seconds are null
   * @throws SQLException if reading fails
   */
  static Optional<Duration> duration(ResultSet row, String prefix) throws SQLException {
    long seconds = row.getLong(prefix + "_s");
    if (row.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(seconds, row.getInt(prefix + "_ns")));
  }

  /**
   * Reads an instant from its seconds and nanoseconds columns.
   *
   * @param row the row
   * @param prefix the columns' common prefix, such as {@code start} for {@code start_s} and {@code
   *     start_ns}
   * @return the instant, or empty when the seconds are null
   * @throws SQLException if reading fails
   */
  static Optional<Instant> instant(ResultSet row, String prefix) throws SQLException {
    long seconds = row.getLong(prefix + "_s");
    if (row.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(seconds, row.getInt(prefix + "_ns")));
  }

  /**
   * Binds optional text.
   *
   * @param statement the statement
   * @param index the parameter's index
   * @param text the text, or empty for null
   * @throws SQLException if binding fails
   */
  static void setText(PreparedStatement statement, int index, Optional<String> text)
      throws SQLException {
    if (text.isPresent()) {
      statement.setString(index, text.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  /**
   * Binds optional extensions as their JSON text.
   *
   * @param statement the statement
   * @param index the parameter's index
   * @param extensions the extensions, or empty for null
   * @throws SQLException if binding fails
   */
  static void setExtensions(
      PreparedStatement statement, int index, Optional<Extensions> extensions)
      throws SQLException {
    setText(statement, index, extensions.map(Extensions::json));
  }

  /**
   * Reads optional text.
   *
   * @param row the row
   * @param column the column
   * @return the text, or empty for null
   * @throws SQLException if reading fails
   */
  static Optional<String> text(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  /**
   * Reads optional extensions.
   *
   * @param row the row
   * @param column the column
   * @return the extensions, or empty for null
   * @throws SQLException if reading fails
   */
  static Optional<Extensions> extensions(ResultSet row, String column) throws SQLException {
    return text(row, column).map(Extensions::ofJson);
  }

  /**
   * Reads an enum stored by its name.
   *
   * @param row the row
   * @param column the column
   * @param type the enum's class
   * @param <E> the enum type
   * @return the constant, or empty for null
   * @throws SQLException if reading fails
   */
  static <E extends Enum<E>> Optional<E> enumValue(ResultSet row, String column, Class<E> type)
      throws SQLException {
    return text(row, column).map(name -> Enum.valueOf(type, name));
  }

  /**
   * Binds an optional integer.
   *
   * @param statement the statement
   * @param index the parameter's index
   * @param value the value, or null
   * @throws SQLException if binding fails
   */
  static void setInt(PreparedStatement statement, int index, @Nullable Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /**
   * Binds an optional day as the number of days since 1970-01-01.
   *
   * @param statement the statement
   * @param index the parameter's index
   * @param day the day, or empty for NULL
   * @throws SQLException if binding fails
   */
  static void setDay(PreparedStatement statement, int index, Optional<LocalDate> day)
      throws SQLException {
    if (day.isEmpty()) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, day.get().toEpochDay());
    }
  }

  /**
   * Reads an optional day stored by {@link #setDay}.
   *
   * @param row the row
   * @param column the column
   * @return the day, or empty for NULL
   * @throws SQLException if reading fails
   */
  static Optional<LocalDate> day(ResultSet row, String column) throws SQLException {
    long epochDay = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(epochDay));
  }
}
