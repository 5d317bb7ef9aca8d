package org.balint.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balint.session.GroupRecord;
import org.balint.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of importing (SIGKILL, no shutdown hooks) and checks that the
 * embedded database then holds each record whole, equal to what was imported, or not at all.
 */
class KillTest {
  private static final int TRIALS = 20;
  private static final Pattern VARIANT = Pattern.compile("\"variant\":(\\d+)");

  @Test
  void importing_killedAtRandomMoments_leavesEveryRecordWholeOrAbsent(@TempDir Path directory)
      throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("balint").toAbsolutePath();
    Random random = new Random(20261120);
    int variant = 0;
    int checked = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Process child = startImporting(url, variant);
      awaitFirstRecord(child);
      Thread.sleep(random.nextInt(150));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the importing process did not die");
      variant += 1_000;
      checked += checkWholeOrAbsent(url);
    }
    assertTrue(checked > 0, "no record was stored in any trial; the test proves nothing");
  }

  private static Process startImporting(String url, int firstVariant) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ImportLoop.class.getName());
    command.add(url);
    command.add(String.valueOf(firstVariant));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Waits until the child has stored its first record of the trial, so that it is importing
   * continuously when it is killed; a reader thread then drains its output.
   */
  private static void awaitFirstRecord(Process child) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith("stored ")) {
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start();
        return;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the importing process ended before it stored a record:\n" + seen);
  }

  /** Opens the database after a kill and checks every stored record; returns how many. */
  private static int checkWholeOrAbsent(String url) {
    try (JdbcStore store = JdbcStore.open(url)) {
      List<String> groupIds = store.groups().groupIds();
      for (String groupId : groupIds) {
        GroupRecord stored = store.groups().findRecord(groupId).orElseThrow().value();
        Matcher variant = VARIANT.matcher(stored.extensions().orElseThrow().json());
        assertTrue(variant.find(), "record " + groupId + " lost its variant");
        GroupRecord imported = ImportLoop.record(Integer.parseInt(variant.group(1)));
        assertEquals(imported, stored, "record " + groupId + " is not whole");
        assertEquals(StoreFixtures.violationsOf(imported), store.groups().violations(groupId));
        assertFalse(store.sessions().find(groupId, "w12").isEmpty(), "last session missing");
      }
      return groupIds.size();
    }
  }
}
