package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated documents through the command line, in-process: whatever the bytes, {@code validate}
 * exits 0, 1 or 2, and on exit 2 prints exactly one line naming the file and where (a JSON path or
 * a line and column), with no stack trace and no hang; {@code redact} does the same on mutated JSON
 * Lines.
 *
 * <p>The cases are generated from the example documents with a seed: {@value #DEFAULT_SEED} unless
 * {@code -Dbalint.fuzz.seed=N} says otherwise (e.g. {@code -Dbalint.fuzz.seed=$RANDOM}), and {@code
 * -Dbalint.fuzz.cases=N} sets how many (default {@value #DEFAULT_CASES}). A failure names the seed
 * and the case, which reproduce it.
 */
class FuzzTest {
  private static final long DEFAULT_SEED = 20261207L;
  private static final int DEFAULT_CASES = 240;
  private static final Duration PER_CASE = Duration.ofSeconds(30);

  /** Bytes that break JSON, UTF-8 or the format in interesting ways. */
  private static final byte[][] INTERESTING = {
    bytes("{"),
    bytes("}"),
    bytes("["),
    bytes("]"),
    bytes("\""),
    bytes("\\"),
    bytes(","),
    bytes(":"),
    bytes("null"),
    bytes("-1"),
    bytes("1e400"),
    bytes("0.5"),
    bytes("true"),
    bytes("\\u0000"),
    bytes("\\uD800"),
    bytes("\"extensions\":{}"),
    bytes("\"case\":7,"),
    {0},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xC0, (byte) 0x80},
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    bytes("\u00e9"),
    bytes("\r\n"),
    bytes("\t"),
    bytes("[".repeat(200)),
    bytes("9".repeat(40)),
    bytes("\"2026-02-30T18:00:00Z\""),
    bytes("\"OPENING\""),
    bytes("\"m1\""),
    bytes("\"\""),
  };

  private static final Pattern ONE_LINE_WITH_PLACE =
      Pattern.compile("balint: (.+): (\\$[^\\n]*|line \\d+, column \\d+: [^\\n]*)\\n");

  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] example() throws IOException {
    try (InputStream in = FuzzTest.class.getResourceAsStream(DemoCommand.EXAMPLE)) {
      return in.readAllBytes();
    }
  }

  /** Applies one to three random mutations, describing them in {@code log}. */
  static byte[] mutate(byte[] original, Random random, StringBuilder log) {
    byte[] bytes = original;
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      int at = random.nextInt(bytes.length + 1);
      int length = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 200));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (random.nextInt(6)) {
        case 0: // replace one byte
          if (at < bytes.length) {
            bytes = bytes.clone();
            bytes[at] = (byte) random.nextInt(256);
            log.append(" byte@").append(at);
          }
          continue;
        case 1: // insert something interesting
          byte[] inserted = INTERESTING[random.nextInt(INTERESTING.length)];
          out.write(bytes, 0, at);
          out.writeBytes(inserted);
          out.write(bytes, at, bytes.length - at);
          log.append(" insert@").append(at);
          break;
        case 2: // delete a range
          out.write(bytes, 0, at);
          out.write(bytes, at + length, bytes.length - at - length);
          log.append(" delete@").append(at).append('+').append(length);
          break;
        case 3: // repeat a range
          out.write(bytes, 0, at + length);
          out.write(bytes, at, bytes.length - at);
          log.append(" repeat@").append(at).append('+').append(length);
          break;
        case 4: // cut the end
          out.write(bytes, 0, at);
          log.append(" truncate@").append(at);
          break;
        default: // replace a range by one taken elsewhere
          int from = random.nextInt(bytes.length);
          int taken = Math.min(bytes.length - from, length);
          out.write(bytes, 0, at);
          out.write(bytes, from, taken);
          out.write(bytes, at + length, bytes.length - at - length);
          log.append(" splice@").append(at).append('<').append(from);
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  private static long seed() {
    return Long.getLong("balint.fuzz.seed", DEFAULT_SEED);
  }

  private static int cases() {
    return Integer.getInteger("balint.fuzz.cases", DEFAULT_CASES);
  }

  @Test
  void validate_mutatedDocuments_exitCleanly() throws IOException {
    byte[] example = example();
    long seed = seed();
    for (int i = 0; i < cases(); i++) {
      Random random = new Random(seed * 1_000_003L + i);
      StringBuilder log = new StringBuilder();
      byte[] mutated = mutate(example, random, log);
      Path file = Files.write(dir.resolve("case-" + i + ".json"), mutated);
      String what = "seed " + seed + ", case " + i + ":" + log;
      CliRun run =
          assertTimeoutPreemptively(PER_CASE, () -> CliRun.of("validate", file.toString()), what);
      check(run, file.toString(), what);
    }
  }

  @Test
  void redact_mutatedJsonLines_exitCleanly() throws IOException {
    byte[] lines =
        bytes(
            "{\"text\": \"Mrs Jane Smith, NHS number 943 476 5919, rang.\", \"phase\": \"QUESTIONS\"}\n"
                + "{\"text\": \"I felt quite irritated listening to her.\"}\n"
                + "\n"
                + "{\"text\": \"Born 12/03/1961, LS6 2AB.\", \"kind\": \"FEELING\"}\n");
    long seed = seed();
    for (int i = 0; i < cases() / 3; i++) {
      Random random = new Random(seed * 1_000_003L + 7 * i + 1);
      StringBuilder log = new StringBuilder();
      byte[] mutated = mutate(lines, random, log);
      Path file = Files.write(dir.resolve("case-" + i + ".jsonl"), mutated);
      String what = "seed " + seed + ", JSON Lines case " + i + ":" + log;
      CliRun run =
          assertTimeoutPreemptively(
              PER_CASE, () -> CliRun.of("redact", "--format", "json", file.toString()), what);
      checkExitAndTrace(run, what);
      if (run.exitCode == ExitCodes.BAD_INPUT) {
        assertTrue(
            run.err.startsWith("balint: " + file + ":")
                && run.err.indexOf('\n') == run.err.length() - 1,
            () -> what + ": one line naming the file and line\n" + run);
      }
    }
  }

  private static void check(CliRun run, String file, String what) {
    checkExitAndTrace(run, what);
    if (run.exitCode == ExitCodes.BAD_INPUT) {
      var matcher = ONE_LINE_WITH_PLACE.matcher(run.err);
      assertTrue(
          matcher.matches() && matcher.group(1).equals(file),
          () -> what + ": exit 2 needs one line naming the file and where\n" + run);
    } else {
      assertTrue(run.err.isEmpty(), () -> what + ": nothing on stderr unless exit 2\n" + run);
    }
  }

  private static void checkExitAndTrace(CliRun run, String what) {
    List<Integer> allowed =
        new ArrayList<>(List.of(ExitCodes.OK, ExitCodes.VIOLATIONS, ExitCodes.BAD_INPUT));
    assertTrue(allowed.contains(run.exitCode), () -> what + ": exit 0, 1 or 2\n" + run);
    assertTrue(
        !run.err.contains("\tat ")
            && !run.err.contains("Exception")
            && !run.err.contains("unexpected error"),
        () -> what + ": no stack trace or unexpected error\n" + run);
  }
}
