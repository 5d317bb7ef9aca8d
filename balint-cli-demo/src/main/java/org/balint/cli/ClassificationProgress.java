package org.balint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The line {@code classifying 1,240 of 5,000 contributions…} on standard error while a batch is
 * classified, rewritten in place with a carriage return at most {@value #PER_SECOND} times a
 * second, first after a quarter of a second (a short batch shows nothing), and blanked when the
 * batch is done, so that what follows starts on a clean line.
 *
 * <p>It is shown only when standard error is a terminal: nothing is written when it goes to a file
 * or a pipe. Java 17 cannot ask that of standard error directly; on Linux the program reads where
 * {@code /proc/self/fd/2} leads (a {@code /dev/pts/} or {@code /dev/tty} device is a terminal), and
 * elsewhere it takes {@link System#console()}, which the JDK gives only when standard input and
 * output are terminals: there, progress is not shown while either is redirected.
 *
 * <p>{@link #advance()} may be called from any thread; the other methods from the thread that runs
 * the batch.
 */
final class ClassificationProgress {
  /** The most times a second the line is rewritten. */
  static final int PER_SECOND = 4;

  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;

  private final PrintWriter err;
  private final boolean shown;
  private final boolean counted;
  private final LongSupplier clock;
  private final AtomicInteger done = new AtomicInteger();
  private final ReentrantLock drawing = new ReentrantLock();

  /** The contributions of the batches finished, for a running count. */
  private long before;

  private int total;
  private volatile long nextDraw;

  /** The length of the line on the terminal, 0 when none is. */
  private int drawn;

  ClassificationProgress(PrintWriter err, boolean shown, boolean counted, LongSupplier clock) {
    this.err = err;
    this.shown = shown;
    this.counted = counted;
    this.clock = clock;
  }

  /**
   * Progress out of each batch's total, shown when standard error is a terminal.
   *
   * @param err standard error
   * @return the progress
   */
  static ClassificationProgress counted(PrintWriter err) {
    return new ClassificationProgress(err, stderrIsTerminal(), true, System::nanoTime);
  }

  /**
   * Progress as a running count over every batch, shown when standard error is a terminal.
   *
   * @param err standard error
   * @return the progress
   */
  static ClassificationProgress running(PrintWriter err) {
    return new ClassificationProgress(err, stderrIsTerminal(), false, System::nanoTime);
  }

  /**
   * Whether standard error is a terminal, as well as Java 17 can tell (see the class comment).
   *
   * @return true at a terminal
   */
  static boolean stderrIsTerminal() {
    try {
      String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /**
   * Starts a batch.
   *
   * @param contributions how many it classifies
   */
  void start(int contributions) {
    total = contributions;
    done.set(0);
    nextDraw = clock.getAsLong() + INTERVAL;
  }

  /** Counts one contribution classified, and rewrites the line if it is time to. */
  void advance() {
    int count = done.incrementAndGet();
    if (!shown) {
      return;
    }
    long now = clock.getAsLong();
    if (now - nextDraw >= 0 && drawing.tryLock()) {
      try {
        nextDraw = now + INTERVAL;
        draw(
            counted
                ? String.format(Locale.ROOT, "classifying %,d of %s…", count, contributions(total))
                : String.format(Locale.ROOT, "classified %s…", contributions(before + count)));
      } finally {
        drawing.unlock();
      }
    }
  }

  /** Ends a batch: blanks the line if one is shown. */
  void finish() {
    before += done.get();
    drawing.lock();
    try {
      if (drawn > 0) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
        drawn = 0;
      }
    } finally {
      drawing.unlock();
    }
  }

  private void draw(String line) {
    // Blank what is left of a longer line drawn before.
    err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = Math.max(drawn, line.length());
  }

  /** "1 contribution", "1,240 contributions". */
  private static String contributions(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "contribution" : "contributions");
  }
}
