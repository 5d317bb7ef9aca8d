package org.balint.cli;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block in README.md and docs/*.md runs in JShell as pasted: its imports,
 * declarations and statements compile against Balint's modules (nothing it uses comes from another
 * block: each block starts from an empty shell) and run without an exception, in a JShell whose
 * working directory is the repository's root. Every {@code ```json} block that declares {@code
 * "format": "balint/1"} is a valid document that writes back to an equal record.
 */
class DocumentationSnippetsTest {
  private static final String FENCE = "```";
  private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
  private static @Nullable JShell shell;

  @BeforeAll
  static void startShell() {
    PrintStream printed = new PrintStream(OUTPUT, true, StandardCharsets.UTF_8);
    JShell started =
        JShell.builder()
            .out(printed)
            .err(printed)
            .remoteVMOptions(
                "-Duser.dir=" + repositoryRoot(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=off")
            .build();
    for (String entry : classPath().split(File.pathSeparator)) {
      started.addToClasspath(entry);
    }
    shell = started;
  }

  @AfterAll
  static void closeShell() {
    if (shell != null) {
      shell.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockInTheDocsRunsAsPasted() throws IOException {
    List<Block> blocks = blocksInTheDocs("java");
    return blocks.stream()
        .map(block -> DynamicTest.dynamicTest(block.where, () -> runInJShell(block)));
  }

  @TestFactory
  Stream<DynamicTest> everyBalintDocumentInTheDocsIsValid() throws IOException {
    List<Block> documents =
        blocksInTheDocs("json").stream()
            .filter(block -> block.source.contains("\"format\": \"balint/1\""))
            .collect(Collectors.toList());
    assertTrue(!documents.isEmpty(), "no balint/1 document in a ```json block");
    return documents.stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    block.where,
                    () -> {
                      GroupRecord record =
                          BalintJson.read(block.source.getBytes(StandardCharsets.UTF_8));
                      assertEquals(
                          record,
                          BalintJson.read(
                              BalintJson.write(record).getBytes(StandardCharsets.UTF_8)),
                          block.where + ": written and read again, the record changed");
                    }));
  }

  /** A fenced block and where it starts, as page:line. */
  private record Block(String where, String source) {}

  /** The fenced blocks of one language in README.md and docs/*.md, in page order. */
  private static List<Block> blocksInTheDocs(String language) throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Block> blocks = new ArrayList<>();
    for (Path page : pages) {
      blocks.addAll(
          blocks(root.relativize(page).toString(), Files.readAllLines(page), FENCE + language));
    }
    assertTrue(!blocks.isEmpty(), "no " + FENCE + language + " block found under " + root);
    return blocks;
  }

  private static List<Block> blocks(String page, List<String> lines, String opening) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(opening)) {
        int start = i + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().startsWith(FENCE)) {
          end++;
        }
        blocks.add(
            new Block(page + ":" + (start + 1), String.join("\n", lines.subList(start, end))));
        i = end;
      }
    }
    return blocks;
  }

  private static void runInJShell(Block block) {
    JShell shell = requireNonNull(DocumentationSnippetsTest.shell);
    shell.snippets().filter(s -> shell.status(s).isActive()).forEach(shell::drop);
    String remaining = block.source;
    while (!remaining.isBlank()) {
      CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        fail(block.where + ": an incomplete snippet: " + remaining.strip());
      }
      for (SnippetEvent event : shell.eval(info.source())) {
        check(shell, block, event);
      }
      remaining = info.remaining();
    }
  }

  private static void check(JShell shell, Block block, SnippetEvent event) {
    Snippet snippet = event.snippet();
    if (event.status() == Status.REJECTED) {
      String diagnostics =
          shell
              .diagnostics(snippet)
              .map(diag -> diag.getMessage(Locale.ROOT))
              .collect(Collectors.joining("; "));
      fail(block.where + ": does not compile: " + snippet.source().strip() + "\n  " + diagnostics);
    }
    if (snippet instanceof DeclarationSnippet declaration
        && (event.status() == Status.RECOVERABLE_DEFINED
            || event.status() == Status.RECOVERABLE_NOT_DEFINED)) {
      fail(
          block.where
              + ": uses what the block does not declare or import: "
              + shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "))
              + " in "
              + snippet.source().strip());
    }
    if (event.exception() != null) {
      fail(
          block.where + ": throws when run: " + snippet.source().strip() + "\n" + OUTPUT,
          event.exception());
    }
  }

  /** The test class path: surefire's own list where it keeps the JVM's in a manifest. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no README.md with docs/ above " + Path.of("").toAbsolutePath());
  }
}
