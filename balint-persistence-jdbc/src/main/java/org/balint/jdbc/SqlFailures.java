package org.balint.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.balint.store.StorageException;
import org.balint.store.StorageUnavailableException;

/**
 * Turns the drivers' exceptions into core's storage exceptions with one plain line: what was being
 * done, what went wrong in words a user can act on, and the driver's own first line.
 */
final class SqlFailures {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern BATCH_ENTRY =
      Pattern.compile("(?i)batch entry (\\d+) .*? was aborted: ");
  private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern FAILING_ROW = Pattern.compile("(?i)(failing row contains )\\(.*\\)");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^/@]*@");

  private SqlFailures() {}

  /**
   * Hides a password given in a JDBC URL, so that messages can show the URL.
   *
   * @param jdbcUrl the URL
   * @return the URL with any {@code password=} value replaced by {@code ***}
   */
  static String redact(String jdbcUrl) {
    String hidden = PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    return USER_INFO.matcher(hidden).replaceAll("$1***@");
  }

  /**
   * Tells whether a failure may pass if the transaction is run again: a serialization failure, a
   * deadlock, a lock wait that timed out, or two writers creating the same group at once.
   *
   * @param failure the failure
   * @return true when a retry may succeed
   */
  static boolean isTransient(SQLException failure) {
    String state = Optional.ofNullable(failure.getSQLState()).orElse("");
    int code = failure.getErrorCode();
    return state.equals("40001")
        || state.equals("40P01")
        || state.equals("23505")
        || state.equals("HYT00")
        || state.equals("90131")
        || (state.equals("23000") && code == 1062)
        || code == 1205
        || code == 1213;
  }

  /**
   * Tells whether a failure means the database cannot be reached or refused the connection.
   *
   * @param failure the failure
   * @return true for connection failures
   */
  private static boolean isConnectionFailure(SQLException failure) {
    String state = Optional.ofNullable(failure.getSQLState()).orElse("");
    return state.startsWith("08")
        || state.startsWith("28")
        || failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException;
  }

  /**
   * Maps a failure during an operation.
   *
   * @param what what was being done, such as {@code storing group riverside}
   * @param failure the driver's failure
   * @return the storage exception to throw
   */
  static StorageException during(String what, SQLException failure) {
    SQLException cause = innermost(failure);
    if (isConnectionFailure(cause)) {
      return new StorageUnavailableException(
          what + " failed: the database cannot be reached (" + safeLine(cause) + ")", failure);
    }
    return new StorageException(what + " failed: " + safeLine(cause), failure);
  }

  /**
   * The failure that says what went wrong: for a failed batch, the driver's next exception (the
   * batch's own message holds the whole statement, with its values).
   */
  private static SQLException innermost(SQLException failure) {
    SQLException cause = failure;
    while (cause instanceof BatchUpdateException && cause.getNextException() != null) {
      cause = cause.getNextException();
    }
    return cause;
  }

  /**
   * The first line of a driver's message with no data and no secret in it: a statement's text
   * (which holds the values a batch was writing) is cut, quoted values are replaced by {@code '…'},
   * a password is hidden.
   */
  static String safeLine(Throwable failure) {
    String line = firstLine(failure);
    line = BATCH_ENTRY.matcher(line).replaceAll("batch entry $1 was aborted: ");
    int statement = line.toLowerCase(Locale.ROOT).indexOf("sql statement:");
    if (statement >= 0) {
      line = line.substring(0, statement).strip();
    }
    line = QUOTED.matcher(line).replaceAll("'…'");
    line = FAILING_ROW.matcher(line).replaceAll("$1(…)");
    return redact(line);
  }

  /**
   * Maps a failure to open a database into a message that names the URL and the likely cause.
   *
   * @param jdbcUrl the URL that was opened
   * @param failure the failure, possibly wrapping a driver's exception
   * @return the exception to throw
   */
  static StorageUnavailableException opening(String jdbcUrl, Throwable failure) {
    String url = redact(jdbcUrl);
    Optional<SQLException> sql = sqlCause(failure);
    String detail = safeLine(sql.<Throwable>map(s -> s).orElse(failure));
    String state = sql.map(SQLException::getSQLState).map(s -> s == null ? "" : s).orElse("");
    int code = sql.map(SQLException::getErrorCode).orElse(0);
    String reason;
    if (state.startsWith("28") || code == 1045) {
      reason = "the user name or password was refused";
    } else if (state.equals("3D000") || code == 1049 || code == 90146) {
      return new MissingDatabaseException(
          "cannot open the database " + url + ": the database does not exist", failure);
    } else if (detail.toLowerCase(Locale.ROOT).contains("ssl not enabled")) {
      reason =
          "the server does not offer TLS, which the driver asks for by default"
              + " (on a trusted network, add sslMode=disable to the URL)";
    } else if (code == 90020) {
      reason = "the database file is in use by another program";
    } else if (code == 90096
        || code == 90028
        || code == 90097
        || code == 90062
        || isReadOnly(failure)) {
      reason = "its folder or file cannot be written (read-only, or owned by another user)";
    } else if (state.startsWith("08") || detail.toLowerCase(Locale.ROOT).contains("refused")) {
      reason = "nothing answers at that host and port";
    } else if (sql.isEmpty() && detail.toLowerCase(Locale.ROOT).contains("driver")) {
      reason = "no database driver understands the URL";
    } else {
      reason = "it could not be opened";
    }
    return new StorageUnavailableException(
        "cannot open the database " + url + ": " + reason + " (" + detail + ")", failure);
  }

  private static boolean isReadOnly(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = Optional.ofNullable(t.getMessage()).orElse("").toLowerCase(Locale.ROOT);
      if (message.contains("read only")
          || message.contains("read-only")
          || message.contains("permission denied")
          || message.contains("accessdenied")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<SQLException> sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return Optional.of((SQLException) t);
      }
    }
    return Optional.empty();
  }

  private static String firstLine(Throwable failure) {
    String message = Optional.ofNullable(failure.getMessage()).orElse(failure.toString());
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
