package org.balint.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;

/**
 * A whole-program timing of what every command that classifies pays first: loading the fitted model
 * ({@code ContributionClassifiers.fitted()}) and the standard lexicon ({@code
 * ContributionClassifiers.standard()}) from their resources, each in a fresh JVM. Each run starts
 * one JVM per lexicon and per JIT setting (the JVM's default, and the launcher's {@code
 * -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}), in an order that alternates from run to run; the JVM
 * times the load alone (from the first use of the classifier's classes to the classifier built,
 * class loading included, the JVM's own start excluded), as wall-clock time and as processor time
 * of the loading thread (which other load on the machine disturbs less). Prints per lexicon and
 * setting the median and quartiles of both.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * && java -cp balint-benchmarks/target/benchmarks.jar org.balint.benchmarks.LexiconLoadTiming [runs
 * [JAR...]]} (default 21 runs). Each JAR given (an older build of {@code balint-core}, say) is
 * timed as well, put before this build's classes on the class path, so that a change is measured
 * side by side with what it changes.
 */
public final class LexiconLoadTiming {
  private static final ImmutableList<String> LEXICONS = ImmutableList.of("fitted", "standard");
  private static final ImmutableList<ImmutableList<String>> SETTINGS =
      ImmutableList.of(
          ImmutableList.of(), ImmutableList.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
  private static final String ONCE = "--once";

  private LexiconLoadTiming() {}

  /**
   * Times the loads and prints the result, or, with {@code --once LEXICON}, loads one lexicon and
   * prints its wall-clock and processor nanoseconds.
   *
   * @param args the number of runs and the jars to compare, or {@code --once} and a lexicon
   * @throws Exception if a JVM cannot be started or fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals(ONCE)) {
      once(args[1]);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    checkArgument(runs > 0, "the number of runs must be positive, but was %s", runs);
    String own = System.getProperty("java.class.path");
    List<String> classPaths = new ArrayList<>();
    classPaths.add(own);
    for (int i = 1; i < args.length; i++) {
      classPaths.add(args[i] + File.pathSeparator + own);
    }
    List<String[]> variants = new ArrayList<>();
    for (int c = 0; c < classPaths.size(); c++) {
      for (int s = 0; s < SETTINGS.size(); s++) {
        for (String lexicon : LEXICONS) {
          variants.add(
              new String[] {
                classPaths.get(c), String.valueOf(s), lexicon, c == 0 ? "this build" : args[c]
              });
        }
      }
    }
    long[][] wall = new long[variants.size()][runs];
    long[][] cpu = new long[variants.size()][runs];
    for (int run = 0; run < runs; run++) {
      for (int k = 0; k < variants.size(); k++) {
        // Every other run goes through the variants backwards, so that none is always first.
        int v = run % 2 == 0 ? k : variants.size() - 1 - k;
        String[] variant = variants.get(v);
        long[] nanos = child(variant[0], SETTINGS.get(Integer.parseInt(variant[1])), variant[2]);
        wall[v][run] = nanos[0];
        cpu[v][run] = nanos[1];
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d runs, each lexicon loaded in a fresh JVM; milliseconds," + " median (quartiles)%n",
        runs);
    for (int v = 0; v < variants.size(); v++) {
      String[] variant = variants.get(v);
      System.out.printf(
          Locale.ROOT,
          "%-10s %-8s JIT %-36s wall %s  processor %s%n",
          variant[3],
          variant[2],
          SETTINGS.get(Integer.parseInt(variant[1])).isEmpty()
              ? "default"
              : String.join(" ", SETTINGS.get(Integer.parseInt(variant[1]))),
          quartiles(wall[v]),
          quartiles(cpu[v]));
    }
  }

  /** Loads one lexicon in this JVM and prints the wall-clock and processor nanoseconds. */
  private static void once(String lexicon) {
    checkArgument(
        LEXICONS.contains(lexicon), "the lexicon is one of %s, not '%s'", LEXICONS, lexicon);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    ContributionClassifier classifier =
        lexicon.equals("fitted")
            ? ContributionClassifiers.fitted()
            : ContributionClassifiers.standard();
    wall = System.nanoTime() - wall;
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    System.out.println(wall + " " + cpu + " " + classifier.getClass().getSimpleName());
  }

  /** Starts a JVM that loads one lexicon, and returns its wall-clock and processor nanoseconds. */
  private static long[] child(String classPath, List<String> options, String lexicon)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, LexiconLoadTiming.class.getName(), ONCE, lexicon));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = String.join("\n", out.lines().toList());
    }
    int exit = process.waitFor();
    String[] fields = output.trim().split(" ");
    if (exit != 0 || fields.length != 3) {
      throw new IllegalStateException("the timing JVM failed (exit " + exit + "): " + output);
    }
    return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
  }

  private static String quartiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%5.0f (%.0f-%.0f)",
        sorted[sorted.length / 2] / 1e6,
        sorted[sorted.length / 4] / 1e6,
        sorted[(3 * sorted.length) / 4] / 1e6);
  }
}
