package org.balint.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.balint.Extensions;

/**
 * Reads the domain's small types from a row, by column name: instants and periods as seconds and
 * nanoseconds, optional text, enums by name, extensions as their JSON text, days as numbers. They
 * are bound by name with {@link Sql.Bound}.
 */
final class Columns {
  private Columns() {}

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
   * Reads an optional day stored as the number of days since 1970-01-01.
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
