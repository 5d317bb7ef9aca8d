package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program in a child JVM with a small heap: exhaustion of the heap is one plain line and exit
 * 2; a document of 1,000,000 contributions validates within 1 GiB (opt-in: it writes 160 MB and
 * takes about a minute; set {@code BALINT_LARGE_TESTS=1}).
 */
class MemoryTest {
  private static final String[] PHASES = {
    "OPENING", "PRESENTATION", "QUESTIONS", "DISCUSSION", "PRESENTER_RETURNS", "CLOSING"
  };
  private static final String[] KINDS = {"FEELING", "SPECULATION", "QUESTION", "FACILITATION"};
  private static final String[] TEXTS = {
    "I felt quite irritated listening to her, as if nothing the doctor did would ever be enough.",
    "I wonder whether she is testing if he will abandon her too.",
    "How long has she been on your list?",
    "Can we stay with how the doctor felt when she brought out the list?"
  };

  @TempDir Path dir;

  /** Writes a valid document of {@code contributions} contributions, in sessions of 1,000. */
  static Path largeDocument(Path file, int contributions) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "{\"format\":\"balint/1\",\"group\":{\"id\":\"g\",\"name\":\"Large\",\"leaders\":[{\"id\":\"L1\","
              + "\"name\":\"Dr A\",\"profession\":\"GP\",\"training\":\"ACCREDITED\"}],\"members\":["
              + "{\"id\":\"m1\",\"name\":\"Dr B\",\"profession\":\"GP\"},{\"id\":\"m2\",\"name\":\"Dr C\","
              + "\"profession\":\"GP\"},{\"id\":\"m3\",\"name\":\"Dr D\",\"profession\":\"GP\"}]},\"sessions\":[");
      int perSession = 1000;
      Instant first = Instant.parse("2000-01-01T18:00:00Z");
      for (int s = 0; s < contributions / perSession; s++) {
        Instant start = first.plusSeconds(7L * 86_400 * s);
        out.write(s == 0 ? "" : ",");
        out.write(
            "{\"id\":\"s"
                + s
                + "\",\"start\":\""
                + start
                + "\",\"end\":\""
                + start.plusSeconds(6 * 3600)
                + "\",\"present\":[\"L1\",\"m1\",\"m2\",\"m3\"],\"recording\":{\"purpose\":\"RESEARCH\","
                + "\"consent\":[\"L1\",\"m1\",\"m2\",\"m3\"]},\"cases\":[{\"presenter\":\"m1\",\"title\":\"A"
                + " case\"}],\"contributions\":[");
        for (int c = 0; c < perSession; c++) {
          out.write(c == 0 ? "\n" : ",\n");
          out.write(
              "{\"at\":\""
                  + start.plusSeconds(20L * c)
                  + "\",\"speaker\":\""
                  + (c % 4 == 0 ? "L1" : "m" + (2 + c % 2))
                  + "\",\"phase\":\""
                  + PHASES[c * PHASES.length / perSession]
                  + "\",\"text\":\""
                  + TEXTS[c % 4]
                  + "\",\"kind\":\""
                  + KINDS[c % 4]
                  + "\"}");
        }
        out.write("]}");
      }
      out.write("]}\n");
    }
    return file;
  }

  /** Runs {@code balint ARGS} in a child JVM with {@code heap}; its exit code and stderr. */
  private static String[] runInChildJvm(String heap, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not end: " + command);
    }
    return new String[] {String.valueOf(process.exitValue()), err};
  }

  @Test
  void outOfMemory_isOneLineWithExitTwoSayingHowToGiveMore() throws Exception {
    Path file = largeDocument(dir.resolve("large.json"), 300_000);

    String[] run = runInChildJvm("40m", "validate", "--max-size", "1G", file.toString());

    assertEquals(String.valueOf(ExitCodes.BAD_INPUT), run[0], run[1]);
    assertTrue(
        run[1].startsWith("balint: out of memory")
            && run[1].contains("BALINT_JAVA_OPTS=-Xmx")
            && run[1].indexOf('\n') == run[1].length() - 1,
        run[1]);
  }

  @Test
  void millionContributions_validateWithinOneGibibyte() throws Exception {
    assumeTrue(
        "1".equals(System.getenv("BALINT_LARGE_TESTS")),
        () -> {
          System.out.println(
              "MemoryTest: the 1,000,000-contribution run needs BALINT_LARGE_TESTS=1");
          return "set BALINT_LARGE_TESTS=1 to run it";
        });
    Path file = largeDocument(dir.resolve("million.json"), 1_000_000);

    String[] run =
        runInChildJvm("1g", "validate", "--format", "json", "--max-size", "1G", file.toString());

    assertEquals(String.valueOf(ExitCodes.VIOLATIONS), run[0], run[1]);
    assertEquals("", run[1]);
    assertTrue(new File(file.toString()).length() > 100_000_000L);
  }
}
