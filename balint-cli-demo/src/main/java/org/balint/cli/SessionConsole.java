package org.balint.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Where the facilitator's session reads its lines and prints what happens: a JLine line reader with
 * completion of commands and speaker ids when a person is at a terminal (Ctrl-C and Ctrl-D end a
 * line as the end of input does), or plain lines when input is piped in.
 */
abstract class SessionConsole implements Closeable {
  /**
   * Reads the next line.
   *
   * @param prompt the prompt to show (shown only at a terminal)
   * @return the line, or null at the end of input
   * @throws IOException if reading fails
   */
  abstract @Nullable String readLine(String prompt) throws IOException;

  /**
   * Prints one line, above the line being typed if someone is typing; safe to call from a timer
   * thread.
   *
   * @param line the line, without its line break
   */
  abstract void println(String line);

  /**
   * Whether a person is at a terminal (who can be asked a question).
   *
   * @return true for the interactive console
   */
  abstract boolean interactive();

  /**
   * Asks a yes-or-no question at a terminal.
   *
   * @param question the question, ending in {@code [y/N]}
   * @return true only if the answer starts with y; false for no answer, Ctrl-C or Ctrl-D
   * @throws IOException if reading fails
   */
  boolean confirm(String question) throws IOException {
    String answer = readLine(question + " ");
    return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
  }

  /**
   * Opens a console: interactive when standard input and output are a terminal, else plain.
   *
   * @param in standard input
   * @param out standard output
   * @param interactive whether a person is at a terminal
   * @param words what the reader completes: commands and speaker ids
   * @return the console
   * @throws IOException if the terminal cannot be opened
   */
  static SessionConsole open(
      InputStream in, PrintWriter out, boolean interactive, Supplier<List<String>> words)
      throws IOException {
    return interactive
        ? onTerminal(TerminalBuilder.builder().system(true).build(), words)
        : new Piped(in, out);
  }

  /**
   * Opens the interactive console on a terminal: the terminal is in raw mode from now until the
   * console is closed, when it is given back as it was and closed.
   *
   * @param terminal the terminal
   * @param words what the reader completes: commands and speaker ids
   * @return the console
   */
  static SessionConsole onTerminal(Terminal terminal, Supplier<List<String>> words) {
    return new Interactive(terminal, words);
  }

  /** Plain lines from a pipe or a file; no prompt is shown. */
  private static final class Piped extends SessionConsole {
    private final BufferedReader reader;
    private final PrintWriter out;

    Piped(InputStream in, PrintWriter out) {
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      this.out = out;
    }

    @Override
    @Nullable String readLine(String prompt) throws IOException {
      return reader.readLine();
    }

    @Override
    synchronized void println(String line) {
      out.println(line);
      out.flush();
    }

    @Override
    boolean interactive() {
      return false;
    }

    @Override
    public void close() {}
  }

  /**
   * A person at a terminal: line editing, history and tab completion.
   *
   * <p>The terminal stays in raw mode, without echo, for the whole session, not only while a line
   * is read: keys typed while the session is busy with the line before (the classifier loading,
   * say) wait in the terminal's input, unechoed, and the reader takes them, in order, at the next
   * prompt, where they are shown once. Ctrl-C is an ordinary key there rather than an interrupt
   * signal, so it too waits its turn and ends the line it was typed on, as at a prompt, instead of
   * killing the program halfway through a line. Nothing but the reading thread touches the line
   * reader except {@link LineReader#printAbove}, which JLine makes safe from other threads.
   */
  private static final class Interactive extends SessionConsole {
    /** The widget Ctrl-C runs: it ends the line being read as an interrupt. */
    private static final String INTERRUPT = "balint-interrupt";

    /** A control character no key sends ({@code stty intr undef}). */
    private static final int DISABLED = 0;

    private final Terminal terminal;
    private final Attributes original;
    private final LineReader reader;

    Interactive(Terminal terminal, Supplier<List<String>> words) {
      this.terminal = terminal;
      this.reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .completer(
                  (lineReader, line, candidates) ->
                      new StringsCompleter(new ArrayList<>(words.get()))
                          .complete(lineReader, line, candidates))
              .build();
      reader
          .getWidgets()
          .put(
              INTERRUPT,
              () -> {
                throw new UserInterruptException(reader.getBuffer().toString());
              });
      reader
          .getKeyMaps()
          .values()
          .forEach(keys -> keys.bind(new Reference(INTERRUPT), KeyMap.ctrl('C')));
      this.original = terminal.enterRawMode();
      Attributes session = terminal.getAttributes();
      session.setControlChar(ControlChar.VINTR, DISABLED);
      terminal.setAttributes(session);
    }

    @Override
    @Nullable String readLine(String prompt) {
      try {
        return reader.readLine(prompt);
      } catch (EndOfFileException | UserInterruptException e) {
        return null;
      }
    }

    @Override
    void println(String line) {
      reader.printAbove(line);
    }

    @Override
    boolean interactive() {
      return true;
    }

    @Override
    public void close() throws IOException {
      try {
        terminal.setAttributes(original);
      } finally {
        terminal.close();
      }
    }
  }
}
