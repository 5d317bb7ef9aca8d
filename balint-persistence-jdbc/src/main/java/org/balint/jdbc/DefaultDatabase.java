package org.balint.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.balint.store.StorageException;

/**
 * Where a user's database is when no JDBC URL is given: the URL in the environment variable {@value
 * #ENVIRONMENT_VARIABLE} if it is set, otherwise an embedded H2 database in the user's data
 * directory, {@code $XDG_DATA_HOME/balint} or {@code ~/.local/share/balint} when {@code
 * XDG_DATA_HOME} is unset (or not an absolute path, as the XDG specification asks). Never a path
 * relative to the current directory.
 *
 * <p>The embedded database holds transcripts, so its folder and every file in it are kept readable
 * by their owner only (0700 and 0600 where the file system has POSIX permissions): the folder is
 * created so, and {@link #protect()} sets the files H2 has created since.
 */
public final class DefaultDatabase {
  /** The environment variable that names the default database by JDBC URL. */
  public static final String ENVIRONMENT_VARIABLE = "BALINT_DB";

  /** The name of the database files in the folder ({@code balint.mv.db}). */
  static final String NAME = "balint";

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private final String url;
  private final Optional<Path> folder;

  private DefaultDatabase(String url, Optional<Path> folder) {
    this.url = url;
    this.folder = folder;
  }

  /**
   * The default database of this process's environment.
   *
   * @return the default database
   */
  public static DefaultDatabase ofEnvironment() {
    return of(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The default database of an environment.
   *
   * @param environment the environment variables
   * @param userHome the user's home folder, used when {@code HOME} is not in {@code environment}
   * @return the default database
   * @throws NullPointerException if an argument is null
   */
  public static DefaultDatabase of(Map<String, String> environment, String userHome) {
    checkNotNull(environment, "environment must not be null");
    checkNotNull(userHome, "userHome must not be null");
    String named = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").strip();
    if (!named.isEmpty()) {
      return new DefaultDatabase(named, Optional.empty());
    }
    return inFolder(dataHome(environment, userHome).resolve("balint"));
  }

  /**
   * An embedded H2 database in a folder of its own, kept owner-only like the default one (the
   * demo's database, for example).
   *
   * @param folder the folder, an absolute path
   * @return the database
   * @throws IllegalArgumentException if {@code folder} is not absolute
   */
  public static DefaultDatabase inFolder(Path folder) {
    checkNotNull(folder, "folder must not be null");
    if (!folder.isAbsolute()) {
      throw new IllegalArgumentException("folder must be an absolute path, but was " + folder);
    }
    Path normal = folder.normalize();
    return new DefaultDatabase("jdbc:h2:file:" + normal.resolve(NAME), Optional.of(normal));
  }

  /**
   * The user's data directory: {@code $XDG_DATA_HOME} if set to an absolute path, otherwise {@code
   * ~/.local/share}.
   *
   * @param environment the environment variables
   * @param userHome the home folder to use when {@code HOME} is unset
   * @return the data directory
   */
  public static Path dataHome(Map<String, String> environment, String userHome) {
    String xdg = environment.getOrDefault("XDG_DATA_HOME", "").strip();
    if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    String home = environment.getOrDefault("HOME", "").strip();
    return Path.of(home.isEmpty() || !Path.of(home).isAbsolute() ? userHome : home)
        .resolve(".local")
        .resolve("share");
  }

  /**
   * The database's JDBC URL.
   *
   * @return the URL: {@code BALINT_DB}'s value, or {@code jdbc:h2:file:FOLDER/balint}
   */
  public String url() {
    return url;
  }

  /**
   * The folder of the embedded database.
   *
   * @return the folder, or empty when {@code BALINT_DB} names the database
   */
  public Optional<Path> folder() {
    return folder;
  }

  /**
   * Tells whether the embedded database's file exists yet.
   *
   * @return true if the database is named by {@code BALINT_DB} or its file exists
   */
  public boolean exists() {
    return folder.map(f -> Files.exists(f.resolve(NAME + ".mv.db"))).orElse(true);
  }

  /**
   * Creates the embedded database's folder, readable by its owner only, if it does not exist.
   *
   * @throws StorageException if the folder cannot be created
   */
  public void createFolder() {
    if (folder.isEmpty()) {
      return;
    }
    Path path = folder.get();
    try {
      if (!Files.isDirectory(path)) {
        Path parent = requireNonNull(path.toAbsolutePath().getParent(), "the folder's parent");
        Files.createDirectories(parent);
        if (isPosix(parent)) {
          Files.createDirectory(path, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
          Files.createDirectory(path);
        }
      }
      protect();
    } catch (IOException failure) {
      throw new StorageException(
          "cannot create the database folder " + path + ": " + describe(failure), failure);
    }
  }

  /**
   * Makes the embedded database's folder and every file in it readable by their owner only.
   *
   * @throws StorageException if the permissions cannot be set
   */
  public void protect() {
    if (folder.isEmpty() || !Files.isDirectory(folder.get()) || !isPosix(folder.get())) {
      return;
    }
    Path path = folder.get();
    try (Stream<Path> files = Files.list(path)) {
      Files.setPosixFilePermissions(path, FOLDER);
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.setPosixFilePermissions(file, FILE);
        }
      }
    } catch (IOException failure) {
      throw new StorageException(
          "cannot make the database folder " + path + " private: " + describe(failure), failure);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static String describe(IOException failure) {
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof FileSystemException
        && ((FileSystemException) failure).getReason() != null) {
      return ((FileSystemException) failure).getReason();
    }
    return failure.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return folder.map(Path::toString).orElse(SqlFailures.redact(url));
  }
}
