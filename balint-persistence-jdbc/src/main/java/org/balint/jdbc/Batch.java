package org.balint.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One batched INSERT: rows are added and sent to the database in chunks, so that a document of any
 * size goes in a few round trips without holding every row in the driver at once.
 */
final class Batch implements AutoCloseable {
  private static final int CHUNK = 500;

  private final PreparedStatement statement;
  private int pending;

  Batch(Connection connection, String sql) throws SQLException {
    this.statement = connection.prepareStatement(sql);
  }

  /**
   * The statement whose parameters the next row binds.
   *
   * @return the statement
   */
  PreparedStatement row() {
    return statement;
  }

  /**
   * Adds the bound row, sending a chunk when it is full.
   *
   * @throws SQLException if the database refuses the chunk
   */
  void add() throws SQLException {
    statement.addBatch();
    if (++pending == CHUNK) {
      flush();
    }
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      statement.executeBatch();
      pending = 0;
    }
  }

  /**
   * Sends the rows not sent yet and closes the statement.
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
