package org.balint.cli;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Writes a command's output to a file given on the command line, the way {@code cp} writes its
 * destination. Every command that writes a file ({@code --out} and the like) goes through {@link
 * #write(Path, Content)}.
 *
 * <ul>
 *   <li>A symbolic link is followed to its target, which is written; the link stays a link.
 *   <li>A device, a named pipe or any other file that is not a regular file is opened and written
 *       in place ({@code --out /dev/null} discards, {@code /dev/full} fails).
 *   <li>A new file is written whole to a temporary file in the same folder, made durable, then
 *       renamed into place: a reader never sees half a file, and a failure leaves nothing behind.
 *       It is created owner-only ({@code rw-------}): outputs may hold transcripts.
 *   <li>An existing regular file is replaced the same way, with its permissions (and, where the
 *       program may, its owner and group) kept. When it has several hard links, {@code cp} writes
 *       into it in place so that every link sees the new content; so does this class, but only
 *       after the whole content has been written to a temporary file in the same folder, so a
 *       failure while producing the content (or a full disk) leaves the old content untouched.
 * </ul>
 *
 * <p>Every failure becomes a {@link CliFailure} with exit code 2 and one line that names the path
 * and the reason ({@code out.json: cannot write: no space left on the device}).
 */
final class OutputFile {
  /** The most symbolic links followed before giving up, as the Linux kernel does. */
  private static final int MAX_LINKS = 40;

  /** Writes the content of an output to a stream. */
  @FunctionalInterface
  interface Content {
    /**
     * Writes the content. The stream is buffered; it must not be closed.
     *
     * @param out the stream
     * @throws IOException if the stream cannot be written
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFile() {}

  /**
   * Writes {@code content} to {@code path} as {@code cp} would write its destination (see the class
   * description).
   *
   * @param path the file named by the user
   * @param content what to write
   * @throws CliFailure with exit code 2 if the file cannot be written, naming {@code path}
   */
  static void write(Path path, Content content) {
    checkNotNull(path, "path");
    checkNotNull(content, "content");
    try {
      Path target = followLinks(path);
      BasicFileAttributes attributes = attributesOrNull(target);
      if (attributes == null) {
        replace(target, null, content);
      } else if (attributes.isDirectory()) {
        throw new CliFailure(ExitCodes.BAD_INPUT, path + ": cannot write: is a directory");
      } else if (!attributes.isRegularFile()) {
        writeInPlace(target, content);
      } else if (linkCount(target) > 1) {
        writeThroughTemporary(target, content);
      } else {
        replace(target, attributes, content);
      }
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, path + ": cannot write: " + reason(e), e);
    }
  }

  /** The file a path names once every symbolic link on it is followed; it may not exist. */
  private static Path followLinks(Path path) throws IOException {
    Path current = path.toAbsolutePath();
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(current)) {
        return current;
      }
      Path link = Files.readSymbolicLink(current);
      Path parent = current.getParent();
      current = parent == null ? link : parent.resolve(link);
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }

  private static @Nullable BasicFileAttributes attributesOrNull(Path target) throws IOException {
    try {
      return Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static int linkCount(Path target) throws IOException {
    try {
      return ((Number) Files.getAttribute(target, "unix:nlink")).intValue();
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  /** Writes a device, pipe or other special file in place, as {@code cp} does. */
  private static void writeInPlace(Path target, Content content) throws IOException {
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE))) {
      content.writeTo(out);
    }
  }

  /**
   * Writes a temporary file beside {@code target} and renames it over {@code target}, keeping the
   * permissions and owner of the file it replaces, if any.
   */
  private static void replace(Path target, @Nullable BasicFileAttributes existing, Content content)
      throws IOException {
    Path temporary = temporaryBeside(target);
    try {
      writeDurably(temporary, content);
      if (existing != null) {
        keepPermissionsAndOwner(target, temporary);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Writes the content whole to a temporary file first, then copies it into {@code target} in
   * place, so that every hard link to it sees the new content.
   */
  private static void writeThroughTemporary(Path target, Content content) throws IOException {
    Path temporary = temporaryBeside(target);
    try {
      writeDurably(temporary, content);
      try (FileChannel out =
          FileChannel.open(
              target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        Files.copy(temporary, Channels.newOutputStream(out));
        out.force(true);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Path temporaryBeside(Path target) throws IOException {
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new NoSuchFileException(String.valueOf(folder), null, "no such folder");
    }
    // createTempFile makes the file owner-only (rw-------) on POSIX file systems.
    return Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
  }

  private static void writeDurably(Path file, Content content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  private static void keepPermissionsAndOwner(Path from, Path to) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    PosixFileAttributes attributes = view.readAttributes();
    PosixFileAttributeView copy =
        Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    try {
      copy.setGroup(attributes.group());
      copy.setOwner(attributes.owner());
    } catch (IOException e) {
      // Only a privileged user may give a file away; the new file then stays the writer's, as
      // with cp.
    }
    copy.setPermissions(attributes.permissions());
  }

  /**
   * The reason of a file-system failure, in plain lower-case words without Java's class names.
   *
   * @param e the failure
   * @return the reason, such as {@code no space left on the device}
   */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a folder";
    }
    String reason =
        e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e.getClass().getSimpleName();
    }
    reason = reason.strip();
    if (reason.equalsIgnoreCase("No space left on device")) {
      return "no space left on the device";
    }
    return BalintCli.oneLine(Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
  }
}
