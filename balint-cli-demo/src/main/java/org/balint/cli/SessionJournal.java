package org.balint.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.balint.jdbc.DefaultDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The journal of a live session not yet stored: every accepted line, with the instant it was
 * accepted, on disk (written and forced to the device) before the next prompt, so that a session
 * cut short by the end of input, Ctrl-C, a crash or {@code kill -9} can be replayed and continued.
 *
 * <p>One journal per database and group, in {@code DIR/sessions/} of the user's data directory
 * ({@code $XDG_DATA_HOME/balint}, or {@code ~/.local/share/balint}); the folders are readable by
 * their owner only (0700) and the file too (0600), as it holds a transcript. The file is plain
 * UTF-8: a first line {@code balint-journal/1}, header lines {@code key<TAB>value}, an empty line,
 * then one line per accepted command, {@code instant<TAB>command}. A last line without its line
 * break was never acknowledged (the process died while writing it) and is ignored.
 */
final class SessionJournal implements Closeable {
  private static final String MAGIC = "balint-journal/1";
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** One accepted line and when it was accepted. */
  static final class Entry {
    final Instant at;
    final String line;

    Entry(Instant at, String line) {
      this.at = at;
      this.line = line;
    }
  }

  /** What a journal on disk holds. */
  static final class Contents {
    final ImmutableMap<String, String> header;
    final ImmutableList<Entry> entries;

    Contents(ImmutableMap<String, String> header, ImmutableList<Entry> entries) {
      this.header = header;
      this.entries = entries;
    }

    /** A header value. */
    String get(String key) {
      String value = header.get(key);
      if (value == null) {
        throw new JournalException("it has no \"" + key + "\" line");
      }
      return value;
    }
  }

  /** A journal that cannot be read as one, or that another process has open. */
  static final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether another process has the journal open (rather than it being unreadable). */
    final boolean inUse;

    JournalException(String message) {
      this(message, false);
    }

    JournalException(String message, boolean inUse) {
      super(message);
      this.inUse = inUse;
    }
  }

  private final Path file;
  private @Nullable FileChannel channel;
  private @Nullable FileLock lock;

  private SessionJournal(Path file) {
    this.file = file;
  }

  /**
   * Where journals are kept by default: {@code sessions/} in the user's data directory for balint
   * ({@code $XDG_DATA_HOME/balint}, or {@code ~/.local/share/balint}), beside the default database.
   */
  static Path defaultFolder() {
    return DefaultDatabase.dataHome(System.getenv(), System.getProperty("user.home"))
        .resolve("balint")
        .resolve("sessions");
  }

  /**
   * The journal of a group's unfinished session in a database, whether or not it exists yet.
   *
   * @param folder where journals are kept
   * @param database the database, as its URL names it
   * @param groupId the group's id (a well-formed id, so a safe file name)
   */
  static SessionJournal of(Path folder, String database, String groupId) {
    String key = Hashing.sha256().hashString(database, UTF_8).toString().substring(0, 16);
    return new SessionJournal(folder.resolve(key + "-" + groupId + ".journal"));
  }

  /** Where the journal is. */
  Path file() {
    return file;
  }

  /** Whether an unfinished session is kept in the journal. */
  boolean exists() {
    return Files.exists(file);
  }

  /** Whether the journal is open for writing in this process. */
  boolean isOpen() {
    return channel != null;
  }

  /**
   * Opens an existing journal to continue or drop it, locking it against another process.
   *
   * @throws JournalException if another process has it open
   */
  void open() throws IOException {
    FileChannel opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    lockOrClose(opened);
    opened.position(opened.size());
    channel = opened;
  }

  /**
   * Reads what the journal holds.
   *
   * @return the header and the accepted lines
   * @throws JournalException if it is not a journal
   */
  Contents contents() throws IOException {
    return read(new String(Files.readAllBytes(file), UTF_8));
  }

  /**
   * Creates the journal with its header, folders and file readable by their owner only.
   *
   * @param header the session's settings, in order
   * @throws JournalException if another process has just created it
   */
  void create(Map<String, String> header) throws IOException {
    createOwnerOnlyFolders(file.getParent());
    FileChannel created;
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      created =
          FileChannel.open(
              file,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              OWNER_ONLY_FILE);
    } else {
      created = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    lockOrClose(created);
    channel = created;
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    header.forEach((key, value) -> text.append(key).append('\t').append(value).append('\n'));
    write(text.append('\n').toString());
  }

  /**
   * Appends an accepted line and forces it to the device before returning.
   *
   * @param at when the line was accepted
   * @param line the line, without a time of its own
   */
  void append(Instant at, String line) throws IOException {
    write(at + "\t" + line.replace('\n', ' ').replace('\r', ' ') + "\n");
  }

  /** Deletes the journal: its session is stored or dropped. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    FileChannel open = channel;
    channel = null;
    if (open != null) {
      open.close();
    }
  }

  private void write(String text) throws IOException {
    FileChannel open = channel;
    if (open == null) {
      throw new IllegalStateException("the journal " + file + " is not open");
    }
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF_8));
    while (bytes.hasRemaining()) {
      open.write(bytes);
    }
    open.force(false);
  }

  private void lockOrClose(FileChannel opened) throws IOException {
    FileLock taken;
    try {
      taken = opened.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      opened.close();
      throw new JournalException("another balint session has it open", true);
    }
    lock = taken;
  }

  private static void createOwnerOnlyFolders(@Nullable Path folder) throws IOException {
    if (folder == null || Files.isDirectory(folder)) {
      return;
    }
    createOwnerOnlyFolders(folder.getParent());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectory(folder, OWNER_ONLY_FOLDER);
    } else {
      Files.createDirectory(folder);
    }
  }

  private static Contents read(String text) {
    List<String> lines = text.lines().collect(ImmutableList.toImmutableList());
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new JournalException("it does not start with " + MAGIC);
    }
    boolean complete = text.endsWith("\n");
    Map<String, String> header = new LinkedHashMap<>();
    int i = 1;
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      String[] keyValue = lines.get(i).split("\t", 2);
      if (keyValue.length != 2) {
        throw new JournalException("header line " + (i + 1) + " is not 'key<TAB>value'");
      }
      header.put(keyValue[0], keyValue[1]);
    }
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    for (i++; i < lines.size(); i++) {
      if (i == lines.size() - 1 && !complete) {
        break;
      }
      String[] atLine = lines.get(i).split("\t", 2);
      try {
        if (atLine.length != 2) {
          throw new DateTimeParseException("no tab", lines.get(i), 0);
        }
        entries.add(new Entry(Instant.parse(atLine[0]), atLine[1]));
      } catch (DateTimeParseException e) {
        throw new JournalException("line " + (i + 1) + " is not 'instant<TAB>command'");
      }
    }
    return new Contents(ImmutableMap.copyOf(header), entries.build());
  }
}
