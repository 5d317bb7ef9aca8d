package org.balint.benchmarks;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * Times identifier detection of two builds of {@code balint-core} in one process, round by round
 * and alternating (as {@link StoreImportTiming} does for the store), so that their ratio holds on a
 * busy machine. Each build is loaded in a class loader of its own; the texts are the contributions
 * of {@link StoreImportBenchmark}'s document (what the store scans on import) and sentences full of
 * identifiers and near-misses.
 *
 * <p>Run, with BEFORE and AFTER the {@code target/classes} folders (or jars) of two builds of
 * {@code balint-core}: {@code java -cp balint-benchmarks/target/benchmarks.jar
 * org.balint.benchmarks.IdentifierDetectionTiming BEFORE AFTER [rounds]}.
 */
public final class IdentifierDetectionTiming {
  /** Sentences dense in identifiers and near-misses, the worst case for a detector. */
  private static final List<String> DENSE =
      List.of(
          "Mrs Jane Smith, DOB 12/03/1961, NHS no 943 476 5919, lives at 14 Acacia Avenue, LS6 2AB.",
          "nhs no.9434765919 dob.3/4/58 tel.020.7946.0958 jane.smith[at]gmail.com",
          "Hospital No. K 123 456; seen by Dr Who on ward 23 at 10:30, 5 mg od, aged 61.",
          "Smith, Mrs Jane \u2014 born 12-Mar-1961 \u2014 07700\u00a0900\u00a0123, the number 73 bus",
          "She takes 5 mg twice a day and was born in 1961; BP 140/90; bleep 4521; ext 4021.",
          "MR PETER JONES, HOSPITAL NO K123456, \uff10\uff11\uff11\uff13 \uff14\uff19\uff16 \uff10\uff10\uff10\uff10");

  private IdentifierDetectionTiming() {}

  /**
   * Times both builds and prints one line per set of texts.
   *
   * @param args the two builds' class folders or jars, then optionally the rounds (default 30)
   * @throws Exception if a build cannot be loaded
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: IdentifierDetectionTiming BEFORE AFTER [rounds]"
              + " (each a balint-core target/classes folder or jar)");
      System.exit(2);
    }
    Detector before = Detector.load(Path.of(args[0]));
    Detector after = Detector.load(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    List<String> stored = new ArrayList<>();
    GroupRecord document = StoreImportBenchmark.document("timing");
    for (Session session : document.sessions()) {
      for (Contribution contribution : session.contributions()) {
        stored.add(contribution.text());
      }
    }
    List<String> dense = new ArrayList<>();
    while (dense.size() < stored.size() / 4) {
      dense.addAll(DENSE);
    }
    time("store benchmark contributions", stored, before, after, rounds);
    time("dense identifier sentences", dense, before, after, rounds);
  }

  private static void time(
      String name, List<String> texts, Detector before, Detector after, int rounds)
      throws Exception {
    long[][] nanos =
        AlternatingRounds.time(rounds, round -> before.scan(texts), round -> after.scan(texts));
    double beforeMicros = median(nanos[0]) / 1000.0 / texts.size();
    double afterMicros = median(nanos[1]) / 1000.0 / texts.size();
    System.out.printf(
        Locale.ROOT,
        "%-30s %,6d texts  before %6.2f us/text  after %6.2f us/text  after/before %.2f%n",
        name,
        texts.size(),
        beforeMicros,
        afterMicros,
        afterMicros / beforeMicros);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** One build's standard detector, called through reflection. */
  private static final class Detector {
    private final Object detector;
    private final Method detect;

    private Detector(Object detector, Method detect) {
      this.detector = detector;
      this.detect = detect;
    }

    static Detector load(Path build) throws Exception {
      ClassLoader loader =
          new OwnBalintClasses(
              new URL[] {build.toUri().toURL()}, IdentifierDetectionTiming.class.getClassLoader());
      Class<?> type = loader.loadClass("org.balint.privacy.IdentifierDetector");
      return new Detector(
          type.getMethod("standard").invoke(null), type.getMethod("detect", String.class));
    }

    long scan(List<String> texts) throws Exception {
      long start = System.nanoTime();
      int found = 0;
      for (String text : texts) {
        found += ((List<?>) detect.invoke(detector, text)).size();
      }
      long elapsed = System.nanoTime() - start;
      if (found < 0) {
        throw new AssertionError(found);
      }
      return elapsed;
    }
  }

  /** Loads the project's own classes from its build, and everything else (Guava) as usual. */
  private static final class OwnBalintClasses extends URLClassLoader {
    OwnBalintClasses(URL[] build, ClassLoader parent) {
      super(build, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.balint.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
