package org.balint.cli;

import java.io.PrintWriter;
import org.balint.jdbc.DefaultDatabase;
import org.balint.jdbc.JdbcStore;
import org.balint.jdbc.MissingDatabaseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --db JDBC_URL} option of the commands that use the store (a picocli mixin).
 *
 * <p>Without {@code --db} the default database is used ({@link DefaultDatabase}): {@code BALINT_DB}
 * if set, otherwise the embedded H2 database in the user's data directory. Commands that only read
 * or update what is stored open existing databases only ({@link #open()}), so that a mistyped path
 * is reported rather than created empty; {@code import} creates the database ({@link
 * #openOrCreate()}) and says on standard error where, the first time.
 */
final class StoreOption {
  /** The help text of {@code --db}, which says where the default database is. */
  static final String HELP =
      "The database (default: $BALINT_DB, else the embedded H2 database in"
          + " $XDG_DATA_HOME/balint or ~/.local/share/balint).";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      converter = StoreOption.JdbcUrl.class,
      description = HELP)
  private @Nullable String url;

  /**
   * Opens the database the option names, or the default one, if it exists: for the commands that
   * read or update what is stored.
   *
   * @return the open store; close it when done
   * @throws CliFailure if the database does not exist (nothing is stored there)
   * @throws org.balint.store.StorageException if it cannot be opened
   */
  JdbcStore open() {
    if (url != null) {
      try {
        return JdbcStore.openExisting(url);
      } catch (MissingDatabaseException missing) {
        throw new CliFailure(ExitCodes.BAD_INPUT, missing.getMessage() + " (check --db)");
      }
    }
    DefaultDatabase database = DefaultDatabase.ofEnvironment();
    if (!database.exists()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "nothing is stored yet: there is no database in "
              + database
              + " (store a document with 'balint import FILE')");
    }
    return JdbcStore.open(database, false);
  }

  /**
   * Opens the database the option names, or the default one, creating it if needed: for {@code
   * import}. Creating the default database is said on standard error, once.
   *
   * @return the open store; close it when done
   * @throws org.balint.store.StorageException if it cannot be opened or created
   */
  JdbcStore openOrCreate() {
    if (url != null) {
      return JdbcStore.open(url);
    }
    DefaultDatabase database = DefaultDatabase.ofEnvironment();
    boolean created = !database.exists();
    JdbcStore store = JdbcStore.open(database, true);
    if (created) {
      PrintWriter err = mixee.commandLine().getErr();
      err.println(
          "balint: created the database in "
              + database
              + " (readable by you only; set BALINT_DB or use --db for another)");
      err.flush();
    }
    return store;
  }

  /**
   * Names the database for messages, without a password its URL may hold.
   *
   * @return the URL given, or the default database's place
   */
  String describe() {
    return url == null ? DefaultDatabase.ofEnvironment().toString() : JdbcStore.redacted(url);
  }

  /**
   * Refuses, as a usage error, a {@code --db} value that is not a JDBC URL (such as {@code
   * postgres://...}); the value is not repeated, as it may hold a password.
   */
  static final class JdbcUrl implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.startsWith("jdbc:")) {
        throw new TypeConversionException(
            "not a JDBC URL; give jdbc:h2:..., jdbc:postgresql://... or jdbc:mariadb://...");
      }
      return value;
    }
  }
}
