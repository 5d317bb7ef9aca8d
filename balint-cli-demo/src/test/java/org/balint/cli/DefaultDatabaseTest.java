package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default database, run as a user would: the program in a child process with its own home, data
 * directory and working directory (the environment decides where the database is).
 */
class DefaultDatabaseTest {
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  @TempDir Path home;
  private Path work;
  private Path data;
  private Path example;

  /** What a run printed and how it ended. */
  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  @BeforeEach
  void folders() throws IOException {
    work = Files.createDirectories(home.resolve("work"));
    data = home.resolve("data");
    example = home.resolve("riverside.json");
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.EXAMPLE)) {
      Files.copy(in, example);
    }
  }

  private Run run(Map<String, String> extraEnvironment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Duser.home=" + home);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> environment = builder.environment();
    environment.remove(org.balint.jdbc.DefaultDatabase.ENVIRONMENT_VARIABLE);
    environment.put("HOME", home.toString());
    environment.put("XDG_DATA_HOME", data.toString());
    environment.putAll(extraEnvironment);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("balint " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  @Test
  void import_withoutDb_storesOwnerOnlyInTheDataDirectory_andNothingUnderTheWorkingDirectory()
      throws Exception {
    Run first = run("import", example.toString());
    Run second = run("import", example.toString());

    Path folder = data.resolve("balint");
    assertEquals(ExitCodes.VIOLATIONS, first.exitCode, first::toString);
    assertEquals(
        1, first.err.split("created the database in " + folder, -1).length - 1, first::toString);
    assertFalse(second.err.contains("created the database"), second::toString);
    try (Stream<Path> created = Files.list(work)) {
      assertEquals(List.of(), created.collect(Collectors.toList()));
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(data.resolve("balint"))) {
      files = all.collect(Collectors.toList());
    }
    assertTrue(files.contains(folder.resolve("balint.mv.db")), files::toString);
    for (Path file : files) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      assertTrue(permissions.stream().noneMatch(OTHERS::contains), file + " " + permissions);
    }
  }

  @Test
  void help_saysWhereTheDatabaseIs() throws Exception {
    Run help = run("--help");

    assertTrue(
        help.out.contains("Stored groups are kept in the embedded H2 database in:"),
        help::toString);
    assertTrue(
        help.out.lines().anyMatch(line -> line.strip().equals(data.resolve("balint").toString())),
        "the path on a line of its own, whole: " + help);
  }

  @Test
  void balintDb_namesTheDefaultDatabase() throws Exception {
    Path elsewhere = home.resolve("elsewhere");
    Run imported =
        run(
            Map.of("BALINT_DB", "jdbc:h2:file:" + elsewhere.resolve("balint")),
            "import",
            example.toString());

    assertEquals(ExitCodes.VIOLATIONS, imported.exitCode, imported::toString);
    assertTrue(Files.exists(elsewhere.resolve("balint.mv.db")), imported::toString);
    assertFalse(Files.exists(data.resolve("balint")), imported::toString);
  }

  @Test
  void demo_leavesAGroupStoredUnderItsIdUnchanged() throws Exception {
    String mine =
        Files.readString(example).replace("Riverside GP Balint group", "My own riverside group");
    Files.writeString(example, mine);
    run("import", example.toString());
    Run before = run("export", "riverside");

    Run demo = run("demo");
    Run after = run("export", "riverside");

    assertEquals(ExitCodes.OK, demo.exitCode, demo::toString);
    assertTrue(before.out.contains("My own riverside group"), before::toString);
    assertEquals(before.out, after.out);
    assertTrue(Files.exists(data.resolve("balint-demo").resolve("balint.mv.db")), demo::toString);
  }

  @Test
  void export_beforeAnythingIsStored_saysSoAndCreatesNothing() throws Exception {
    Run exported = run("export", "riverside");

    assertEquals(ExitCodes.BAD_INPUT, exported.exitCode, exported::toString);
    assertTrue(exported.err.contains("nothing is stored yet"), exported::toString);
    assertFalse(Files.exists(data.resolve("balint")), exported::toString);
  }
}
