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
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.completer.StringsCompleter;
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
   * Shows a new prompt on the line being typed, if someone is typing at a terminal; safe to call
   * from a timer thread.
   *
   * @param prompt the prompt
   */
  void refreshPrompt(String prompt) {}

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
  static SessionConsole open(InputStream in, PrintWriter out, boolean interactive, Supplier<List<String>> words)
      throws IOException {
    return interactive ? new Interactive(words) : new Piped(in, out);
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

  /** A person at a terminal: line editing, history and tab completion. */
  private static final class Interactive extends SessionConsole {
    private final Terminal terminal;
    private final LineReader reader;

    Interactive(Supplier<List<String>> words) throws IOException {
      this.terminal = TerminalBuilder.builder().system(true).build();
      this.reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .completer(
                  (lineReader, line, candidates) ->
                      new StringsCompleter(new ArrayList<>(words.get()))
                          .complete(lineReader, line, candidates))
              .build();
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
    void refreshPrompt(String prompt) {
      if (reader instanceof LineReaderImpl && reader.isReading()) {
        try {
          ((LineReaderImpl) reader).setPrompt(prompt);
          reader.callWidget(LineReader.REDRAW_LINE);
          reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException readingJustEnded) {
          // The line was entered meanwhile; the next prompt is drawn afresh.
        }
      }
    }

    @Override
    boolean interactive() {
      return true;
    }

    @Override
    public void close() throws IOException {
      terminal.close();
    }
  }
}
