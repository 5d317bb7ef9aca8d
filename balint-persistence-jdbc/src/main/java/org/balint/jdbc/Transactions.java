package org.balint.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.balint.store.StorageException;

/**
 * Runs work in one transaction on a pooled connection: commits when the work returns, rolls back
 * when it throws, and runs it again when the database reports a conflict that may pass (a deadlock,
 * a serialization failure, a lock wait that timed out).
 */
final class Transactions {
  private static final int MAX_ATTEMPTS = 8;

  /** Work done on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the connection, in a transaction
     * @return the result
     * @throws SQLException if a statement fails
     */
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  Transactions(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Runs a write; writers lock their group's row first, so read-committed isolation is enough.
   *
   * @param what what is being done, for messages
   * @param work the work
   * @param <T> the type of the result
   * @return the work's result, committed
   * @throws StorageException if the database fails
   */
  <T> T write(String what, Work<T> work) {
    return run(what, Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /**
   * Runs a read that sees one consistent snapshot of every table it reads.
   *
   * @param what what is being read, for messages
   * @param work the work
   * @param <T> the type of the result
   * @return the work's result
   * @throws StorageException if the database fails
   */
  <T> T read(String what, Work<T> work) {
    return run(what, dialect.readIsolation(), work);
  }

  private <T> T run(String what, int isolation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(isolation, work);
      } catch (SQLException failure) {
        if (attempt >= MAX_ATTEMPTS || !SqlFailures.isTransient(failure)) {
          throw SqlFailures.during(what, failure);
        }
        pause(attempt);
      }
    }
  }

  private <T> T once(int isolation, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      int previous = connection.getTransactionIsolation();
      if (previous != isolation) {
        connection.setTransactionIsolation(isolation);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failure) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          failure.addSuppressed(rollbackFailure);
        }
        throw failure;
      } finally {
        connection.setAutoCommit(true);
        if (previous != isolation) {
          connection.setTransactionIsolation(previous);
        }
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting to retry a transaction", interrupted);
    }
  }
}
