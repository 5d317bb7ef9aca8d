package org.balint.store;

/**
 * The database's schema was migrated by a newer version of Balint than this one: reading or writing
 * it could lose data, so the store refuses to open it.
 */
public class SchemaTooNewException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** The schema version the database is at. */
  private final String databaseVersion;

  /** The newest schema version this library knows. */
  private final String knownVersion;

  /**
   * Creates the failure.
   *
   * @param databaseVersion the schema version found in the database
   * @param knownVersion the newest schema version this program knows
   */
  public SchemaTooNewException(String databaseVersion, String knownVersion) {
    super(
        String.format(
            "the database's schema is version %s, newer than this program knows (%s); "
                + "use a newer version of Balint with this database",
            databaseVersion, knownVersion));
    this.databaseVersion = databaseVersion;
    this.knownVersion = knownVersion;
  }

  /**
   * The schema version found in the database.
   *
   * @return the version, such as {@code 3}
   */
  public String databaseVersion() {
    return databaseVersion;
  }

  /**
   * The newest schema version this program knows.
   *
   * @return the version, such as {@code 1}
   */
  public String knownVersion() {
    return knownVersion;
  }
}
