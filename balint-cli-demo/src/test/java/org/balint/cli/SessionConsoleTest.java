package org.balint.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interactive session console on a terminal whose keyboard is a pipe: the terminal applies its
 * line discipline to each key as it arrives, as a terminal does, so keys written before the console
 * reads are keys typed while the session was busy with the line before.
 */
class SessionConsoleTest {
  /** Long enough never to be reached unless a line was lost and the reader waits for more keys. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;
  private Attributes asOpened;
  private SessionConsole console;

  @BeforeEach
  void openConsole() throws IOException {
    terminal =
        TerminalBuilder.builder()
            .system(false)
            .streams(new PipedInputStream(keyboard, 1 << 16), screen)
            .type("xterm")
            .size(new Size(120, 40))
            .encoding(UTF_8)
            .build();
    asOpened = new Attributes(terminal.getAttributes());
    console = SessionConsole.onTerminal(terminal, () -> List.of("present", "start", "m2:"));
  }

  @AfterEach
  void closeConsole() throws IOException {
    console.close();
  }

  @Test
  void linesTypedWhileBusyAreReadInOrderWithCtrlCAndCtrlDWhereTyped() {
    String typed = "present all\rstart\r\u0003m2: I felt sad.\r\u0004";
    typeWhileBusy(typed);

    assertTimeoutPreemptively(
        PATIENCE,
        () -> {
          assertEquals("present all", console.readLine("balint> "));
          assertEquals("start", console.readLine("balint> "));
          assertNull(console.readLine("balint> "), "Ctrl-C, read as the end of a line");
          assertEquals("m2: I felt sad.", console.readLine("balint> "));
          assertNull(console.readLine("balint> "), "Ctrl-D");
        });
  }

  @Test
  void aLineTypedWhileBusyIsShownOnceAtThePrompt() {
    typeWhileBusy("m2: I felt sad.\r");

    assertTimeoutPreemptively(
        PATIENCE, () -> assertEquals("m2: I felt sad.", console.readLine("balint> ")));
    String shown = screen.toString(UTF_8);
    assertEquals(1, occurrences(shown, "m2: I felt sad."), shown);
  }

  @Test
  void aLinePrintedFromAnotherThreadLeavesTheLineBeingTypedWhole() throws Exception {
    ExecutorService reading = Executors.newSingleThreadExecutor();
    try {
      Future<String> line = reading.submit(() -> console.readLine("balint> "));
      type("m2: I fel");
      Thread printer = new Thread(() -> console.println("  ~ The discussion has run 46 minutes."));
      printer.start();
      printer.join();
      type("t sad.\r");
      assertTimeoutPreemptively(PATIENCE, () -> assertEquals("m2: I felt sad.", line.get()));
    } finally {
      reading.shutdownNow();
    }
    assertTrue(screen.toString(UTF_8).contains("  ~ The discussion has run 46 minutes."));
  }

  @Test
  void closingGivesTheTerminalBackAsItWas() throws IOException {
    console.close();
    Attributes after = terminal.getAttributes();
    assertEquals(asOpened.getLocalFlags(), after.getLocalFlags());
    assertEquals(asOpened.getInputFlags(), after.getInputFlags());
    assertEquals(asOpened.getControlChars(), after.getControlChars());
  }

  /** Types keys and waits until the terminal has taken every one, as a busy program's would. */
  private void typeWhileBusy(String keys) {
    type(keys);
    long dropped = keys.chars().filter(c -> c == '\u0003').count();
    assertTimeoutPreemptively(
        PATIENCE,
        () -> {
          while (terminal.input().available() < keys.length() - dropped) {
            Thread.sleep(5);
          }
        },
        "the terminal did not take the typed keys");
  }

  private void type(String keys) {
    try {
      keyboard.write(keys.getBytes(UTF_8));
      keyboard.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
