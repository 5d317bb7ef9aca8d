package org.balint.jdbc;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.balint.store.SchemaTooNewException;
import org.balint.store.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database's schema up to date with the versioned migrations in {@value #LOCATION}, and
 * refuses a database whose schema a newer Balint has migrated further.
 *
 * <p>Balint keeps its own history table ({@value #HISTORY_TABLE}) and its migrations outside {@code
 * db/migration}, so that it can share a database with a platform that runs Flyway for its own
 * tables.
 */
final class Migrations {
  /** Where the migrations live on the class path. */
  static final String LOCATION = "classpath:org/balint/jdbc/migration";

  /** The table in which Flyway records the migrations applied. */
  static final String HISTORY_TABLE = "balint_schema_history";

  private Migrations() {}

  /**
   * Applies the migrations not yet applied.
   *
   * @param dataSource the database
   * @param dialect its dialect, for the placeholders
   * @throws SchemaTooNewException if the database has a migration newer than this program knows
   * @throws StorageException if a migration fails
   */
  static void apply(DataSource dataSource, Dialect dialect) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .placeholders(dialect.placeholders())
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    try {
      checkNotTooNew(flyway.info());
      flyway.migrate();
    } catch (FlywayException failure) {
      Throwable cause = failure;
      while (cause != null && !(cause instanceof SQLException)) {
        cause = cause.getCause();
      }
      if (cause != null) {
        throw SqlFailures.during("bringing the database's schema up to date", (SQLException) cause);
      }
      throw new StorageException(
          "bringing the database's schema up to date failed: " + SqlFailures.safeLine(failure),
          failure);
    }
  }

  private static void checkNotTooNew(MigrationInfoService info) {
    Optional<MigrationInfo> future =
        Arrays.stream(info.applied())
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .max(Comparator.comparing(MigrationInfo::getVersion));
    if (future.isPresent()) {
      String known =
          Arrays.stream(info.all())
              .filter(m -> m.getState().isResolved())
              .map(MigrationInfo::getVersion)
              .max(Comparator.naturalOrder())
              .map(MigrationVersion::getVersion)
              .orElse("none");
      throw new SchemaTooNewException(future.get().getVersion().getVersion(), known);
    }
  }
}
