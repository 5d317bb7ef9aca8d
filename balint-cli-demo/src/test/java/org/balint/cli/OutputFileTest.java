package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.balint.json.BalintJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --out} writes its file as {@code cp} writes a destination: through links, into
 * devices in place, atomically with the mode kept for regular files, owner-only when new.
 */
class OutputFileTest {
  @TempDir static Path store;
  @TempDir Path dir;

  private static String db;
  private static byte[] expected;

  @BeforeAll
  static void importTheExample() throws IOException {
    db = "jdbc:h2:file:" + store.resolve("balint");
    Path example = store.resolve("riverside.json");
    try (InputStream in = OutputFileTest.class.getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, example);
    }
    CliRun imported = CliRun.of("import", "--db", db, example.toString());
    assertEquals(ExitCodes.VIOLATIONS, imported.exitCode, imported::toString);
    expected = BalintJson.write(BalintJson.read(example)).getBytes(StandardCharsets.UTF_8);
  }

  private static CliRun export(Path out) {
    return CliRun.of("export", "riverside", "--db", db, "--out", out.toString());
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".tmp"))
          .collect(Collectors.toList());
    }
  }

  @Test
  void newFile_isOwnerOnly() throws IOException {
    Path out = dir.resolve("new.json");

    CliRun run = export(out);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("rw-------", mode(out));
    assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(out));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void existingFile_keepsItsMode() throws IOException {
    Path out = dir.resolve("shared.json");
    Files.writeString(out, "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));

    CliRun run = export(out);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("rw-r-----", mode(out));
    assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(out));
  }

  @Test
  void symbolicLink_writesItsTargetAndStaysALink() throws IOException {
    Files.createDirectory(dir.resolve("real"));
    Path target = dir.resolve("real").resolve("target.json");
    Files.writeString(target, "old");
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, Path.of("real", "target.json"));

    CliRun run = export(link);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(target));
  }

  @Test
  void danglingSymbolicLink_createsItsTarget() throws IOException {
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, dir.resolve("created.json"));

    CliRun run = export(link);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals(
        new String(expected, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("created.json")));
  }

  @Test
  void hardLinkedFile_isWrittenInPlaceSoEveryLinkSeesIt() throws IOException {
    Path out = dir.resolve("one.json");
    Files.writeString(out, "old");
    Path other = Files.createLink(dir.resolve("two.json"), out);

    CliRun run = export(out);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(other));
    assertEquals(2, ((Number) Files.getAttribute(out, "unix:nlink")).intValue());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void characterDevice_isWrittenInPlace() throws Exception {
    Path device = mknod("null", 3);

    CliRun run = export(device);

    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("", run.err);
    assertFalse(Files.isRegularFile(device), "still a device, not replaced by a file");
    assertTrue(Files.exists(device));
  }

  @Test
  void fullDevice_failsWithOneLine() throws Exception {
    Path device = mknod("full", 7);

    CliRun run = export(device);

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: " + device + ": cannot write: no space left on the device\n", run.err);
    assertFalse(Files.isRegularFile(device), "still a device");
  }

  @Test
  void fullDisk_failsWithOneLineAndKeepsTheOldFile() throws Exception {
    Path disk = tmpfs("disk", "size=4k");
    try {
      Path out = disk.resolve("out.json");
      Files.writeString(out, "old");

      CliRun run = export(out);

      assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
      assertEquals("balint: " + out + ": cannot write: no space left on the device\n", run.err);
      assertEquals("old", Files.readString(out), "the old content is kept");
      try (Stream<Path> files = Files.list(disk)) {
        assertEquals(List.of(out), files.collect(Collectors.toList()), "no temporary file left");
      }
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void readOnlyFileSystem_failsWithOneLine() throws Exception {
    Path disk = tmpfs("read-only", "ro,size=64k");
    try {
      Path out = disk.resolve("out.json");

      CliRun run = export(out);

      assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
      assertEquals("balint: " + out + ": cannot write: read-only file system\n", run.err);
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void tables_writesEachFileAsCpWould_newOwnerOnly_existingModeAndLinksKept() throws IOException {
    Path example = dir.resolve("riverside.json");
    try (InputStream in = OutputFileTest.class.getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, example);
    }
    Path out = Files.createDirectory(dir.resolve("tables"));
    Path sessions = Files.writeString(out.resolve("sessions.csv"), "old");
    Files.setPosixFilePermissions(sessions, PosixFilePermissions.fromString("rw-rw-r--"));
    Path elsewhere = Files.writeString(dir.resolve("people-target.csv"), "old");
    Files.createSymbolicLink(out.resolve("people.csv"), elsewhere);

    CliRun run = CliRun.of("tables", example.toString(), "--out", out.toString());

    assertEquals(ExitCodes.VIOLATIONS, run.exitCode, run::toString);
    assertEquals("rw-rw-r--", mode(sessions));
    assertTrue(Files.isSymbolicLink(out.resolve("people.csv")), "the link is kept");
    assertTrue(Files.readString(elsewhere).startsWith("group,"), "its target written");
    assertEquals("rw-------", mode(out.resolve("contributions.csv")));
  }

  @Test
  void folder_failsWithOneLine() {
    CliRun run = export(dir);

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: " + dir + ": cannot write: is a directory\n", run.err);
  }

  @Test
  void missingFolder_failsWithOneLine() {
    Path out = dir.resolve("no-such-folder").resolve("out.json");

    CliRun run = export(out);

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: " + out + ": cannot write: no such folder\n", run.err);
  }

  /** Mounts a tmpfs with {@code options} on a new folder of the test folder, as root. */
  private Path tmpfs(String name, String options) throws IOException {
    Path disk = Files.createDirectory(dir.resolve(name));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", options, "tmpfs", disk.toString()),
        () -> skip("mounting a tmpfs needs root (mount failed)"));
    return disk;
  }

  /** Creates a character device of the memory driver (major 1) in the test folder, as root. */
  private Path mknod(String name, int minor) throws Exception {
    Path device = dir.resolve(name);
    assumeTrue(
        run("mknod", device.toString(), "c", "1", String.valueOf(minor)),
        () -> skip("creating a device needs root (mknod failed)"));
    return device;
  }

  private static String skip(String reason) {
    System.out.println("OutputFileTest skipped a case: " + reason);
    return reason;
  }

  private static boolean run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
