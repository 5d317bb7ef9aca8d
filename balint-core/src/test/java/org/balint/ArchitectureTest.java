package org.balint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of balint-core, checked rather than hoped for: core does no JDBC, no file I/O, no
 * JSON, and uses nothing of the other modules; its packages depend on one another one way only.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/org/balint");

  /** For each package of core, the packages of core it may use (the root package always). */
  private static final ImmutableMap<String, Set<String>> ALLOWED =
      ImmutableMap.<String, Set<String>>builder()
          .put("group", Set.of())
          .put("session", Set.of("group"))
          .put("language", Set.of("group", "session"))
          .put("privacy", Set.of("group", "session"))
          .put("method", Set.of("group", "session", "language", "privacy"))
          .put("analysis", Set.of("group", "session", "language", "method"))
          .put("live", Set.of("group", "session", "language", "method", "privacy"))
          .put("store", Set.of("group", "session", "method", "privacy"))
          .put("training", Set.of("group", "session"))
          .build();

  private static final ImmutableSet<String> FORBIDDEN_PREFIXES =
      ImmutableSet.of(
          "java.sql",
          "javax.sql",
          "java.nio.file",
          "java.io.File",
          "java.io.FileInputStream",
          "java.io.FileOutputStream",
          "java.io.RandomAccessFile",
          "java.net",
          "com.fasterxml",
          "org.balint.json",
          "org.balint.jdbc",
          "org.balint.cli",
          "org.slf4j.simple");

  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.balint\\.([a-z]+)\\b");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void everyPackageOfCoreIsKnownToTheLayering() throws IOException {
    Set<String> packages;
    try (Stream<Path> children = Files.list(SOURCES)) {
      packages =
          children
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toSet());
    }
    assertEquals(
        ALLOWED.keySet(), packages, "add a new package to ALLOWED with the packages it may use");
  }

  @Test
  void packagesDependOnEachOtherOneWayOnly() throws IOException {
    List<String> breaches = new ArrayList<>();
    for (Path file : javaFiles()) {
      String owner = SOURCES.relativize(file).getName(0).toString();
      if (!ALLOWED.containsKey(owner)) {
        continue;
      }
      Matcher reference = REFERENCE.matcher(code(file));
      while (reference.find()) {
        String used = reference.group(1);
        if (!used.equals(owner)
            && ALLOWED.containsKey(used)
            && !ALLOWED.get(owner).contains(used)) {
          breaches.add(SOURCES.relativize(file) + " uses org.balint." + used);
        }
      }
    }
    assertTrue(breaches.isEmpty(), "layering broken:\n" + String.join("\n", breaches));
  }

  @Test
  void coreDoesNoIoNoJdbcNoJsonAndUsesNoOtherModule() throws IOException {
    List<String> breaches = new ArrayList<>();
    for (Path file : javaFiles()) {
      Matcher imported = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (imported.find()) {
        for (String prefix : FORBIDDEN_PREFIXES) {
          if (imported.group(1).equals(prefix) || imported.group(1).startsWith(prefix + ".")) {
            breaches.add(SOURCES.relativize(file) + " imports " + imported.group(1));
          }
        }
      }
    }
    assertTrue(breaches.isEmpty(), "core must stay pure:\n" + String.join("\n", breaches));
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> directories = Files.walk(SOURCES)) {
      for (Path directory : directories.filter(Files::isDirectory).collect(Collectors.toList())) {
        boolean hasJava;
        try (Stream<Path> children = Files.list(directory)) {
          hasJava = children.anyMatch(p -> p.toString().endsWith(".java"));
        }
        if (hasJava && !Files.exists(directory.resolve("package-info.java"))) {
          missing.add(directory.toString());
        }
      }
    }
    assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
  }

  /** The file without comments, so that javadoc links do not count as uses. */
  private static String code(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("//[^\\n]*", "");
  }
}
