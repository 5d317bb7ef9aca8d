package org.balint.classifier.onnx;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.balint.language.Classification;
import org.balint.language.ClassifierEvaluation;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.language.LabelledContribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * Fits the neural classifier's regression head to the labelled sets and measures it, from the
 * repository root:
 *
 * <pre>
 * java -cp balint-cli-demo/target/balint.jar org.balint.classifier.onnx.HeadFitter \
 *     --corpus balint-core/src/test/resources/org/balint/language \
 *     --hold-out blind-28,blind-29,blind-30,blind-31,blind-36,blind-37 \
 *     --cache target/embeddings.bin --iterations 60 --grid --grid-weights 0.3,1 \
 *     --out balint-classifier-onnx/src/main/resources/org/balint/classifier/onnx
 * </pre>
 *
 * <p>Every {@code contributions-*.jsonl} file of the corpus is one writer's set. The held-out sets
 * take no part in fitting or in choosing settings. {@code --cross-validate} leaves one writer's set
 * out at a time, fits to the rest and classifies the set left out; it prints the pooled figures,
 * and fits the temperature that makes the left-out probabilities honest (the least negative
 * log-likelihood). {@code --grid} does the same for each embedding weight of {@code --grid-weights}
 * and L2 penalty of {@code --grid-l2} (comma-separated) and keeps the best macro-F1. {@code
 * --temperature} sets the temperature without cross-validation. {@code --out} writes the head
 * fitted to all sets but the held-out ones, and the examples file. {@code --evaluate} prints the
 * written model's figures on the held-out sets. {@code --time N} times the classifiers on the first
 * N labelled sentences, with nothing else. Embeddings are cached in {@code --cache} (text and
 * vector), since encoding four thousand sentences takes a minute.
 */
public final class HeadFitter {
  private static final PrintStream OUT = System.out;

  private HeadFitter() {}

  /** One writer's labelled set. */
  private record WriterSet(String name, List<LabelledContribution> examples) {}

  /**
   * Runs the fitter.
   *
   * @param args the options, as in the class description
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--cross-validate") || name.equals("--grid") || name.equals("--evaluate")) {
        options.put(name, "");
      } else if (name.startsWith("--") && i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown or incomplete option: " + name);
      }
    }
    Path corpus = Path.of(required(options, "--corpus"));
    List<String> heldOutNames =
        Stream.of(options.getOrDefault("--hold-out", "").split(","))
            .filter(s -> !s.isBlank())
            .toList();
    Training.Settings settings =
        new Training.Settings(
            Double.parseDouble(options.getOrDefault("--embedding-weight", "1")),
            Double.parseDouble(options.getOrDefault("--l2", "0.0003")),
            Integer.parseInt(options.getOrDefault("--min-count", "2")),
            Integer.parseInt(options.getOrDefault("--iterations", "150")));

    List<WriterSet> training = new ArrayList<>();
    List<WriterSet> heldOut = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.startsWith("contributions-") || !name.endsWith(".jsonl")) {
          continue;
        }
        String writer = name.substring("contributions-".length(), name.length() - 6);
        WriterSet set = new WriterSet(writer, read(file));
        (heldOutNames.contains(writer) ? heldOut : training).add(set);
      }
    }
    if (heldOut.size() != heldOutNames.size()) {
      throw new IllegalArgumentException("not every held-out set was found: " + heldOutNames);
    }
    OUT.printf(
        "%d sets (%d sentences) to fit; %d held out (%d sentences)%n",
        training.size(),
        training.stream().mapToInt(s -> s.examples().size()).sum(),
        heldOut.size(),
        heldOut.stream().mapToInt(s -> s.examples().size()).sum());

    if (options.containsKey("--time")) {
      time(
          Stream.concat(training.stream(), heldOut.stream())
              .flatMap(s -> s.examples().stream())
              .limit(Integer.parseInt(options.get("--time")))
              .toList());
      return;
    }
    Path cache = Path.of(options.getOrDefault("--cache", "target/embeddings.bin"));
    Map<String, float[]> embeddings =
        embed(cache, Stream.concat(training.stream(), heldOut.stream()));

    double temperature = Double.parseDouble(options.getOrDefault("--temperature", "1"));
    if (options.containsKey("--grid")) {
      // Each setting by leaving one writer's set out at a time; the best macro-F1 is kept.
      Validation best = null;
      for (String weight : options.getOrDefault("--grid-weights", "0.3,1,3").split(",")) {
        for (String l2 : options.getOrDefault("--grid-l2", "0.0003").split(",")) {
          Training.Settings tried =
              new Training.Settings(
                  Double.parseDouble(weight),
                  Double.parseDouble(l2),
                  settings.minCount(),
                  settings.iterations());
          Validation result = crossValidate(training, embeddings, tried);
          if (best == null || result.macroF1() > best.macroF1()) {
            best = result;
          }
        }
      }
      if (best == null) {
        throw new IllegalStateException("--grid tried no setting");
      }
      settings = best.settings();
      temperature = best.temperature();
      OUT.println("chosen: " + settings);
    } else if (options.containsKey("--cross-validate")) {
      temperature = crossValidate(training, embeddings, settings).temperature();
    }
    if (options.containsKey("--out")) {
      Path out = Path.of(options.get("--out"));
      RegressionHead head =
          Training.fit(examples(training, embeddings), settings).withTemperature(temperature);
      Files.createDirectories(out);
      try (PrintWriter writer =
          new PrintWriter(Files.newBufferedWriter(out.resolve(OnnxClassifier.HEAD)))) {
        head.write(
            writer,
            List.of(
                "The neural classifier's regression head (see docs/classifier.md). Generated by",
                "  HeadFitter " + String.join(" ", args),
                "Fitted to: "
                    + training.stream().map(WriterSet::name).collect(Collectors.joining(" ")),
                String.format(
                    Locale.ROOT,
                    "Settings: %s; temperature %.2f (from leave-one-set-out predictions"
                        + " unless given).",
                    settings,
                    temperature),
                "Do not edit by hand: fit again instead."));
      }
      List<LabelledContribution> all =
          training.stream().flatMap(s -> s.examples().stream()).toList();
      try (OutputStream file = Files.newOutputStream(out.resolve(OnnxClassifier.EXAMPLES_FILE))) {
        NearestExamples.write(
            file,
            all.stream().map(LabelledContribution::text).toList(),
            all.stream().map(LabelledContribution::kind).toList(),
            all.stream().map(e -> embedding(embeddings, e.text())).toList());
      }
      OUT.println(
          "wrote " + out.resolve(OnnxClassifier.HEAD) + " and " + OnnxClassifier.EXAMPLES_FILE);
      if (options.containsKey("--evaluate")) {
        OnnxClassifier model = new OnnxClassifier(head, Optional.empty(), embeddings::get);
        for (WriterSet set : heldOut) {
          report("held-out " + set.name(), ClassifierEvaluation.of(model, set.examples()));
        }
        List<LabelledContribution> unseen =
            heldOut.stream().flatMap(s -> s.examples().stream()).toList();
        report("held-out sets together", ClassifierEvaluation.of(model, unseen));
        report(
            "held-out, fast model alone",
            ClassifierEvaluation.of(ContributionClassifiers.fitted(), unseen));
        for (double threshold : new double[] {0.7, 0.8, 0.9, 0.95, 0.99}) {
          long asked =
              unseen.stream()
                  .filter(
                      e ->
                          ContributionClassifiers.fitted()
                                  .classify(e.text(), e.phase(), e.role())
                                  .confidence()
                              < threshold)
                  .count();
          report(
              String.format(
                  Locale.ROOT,
                  "held-out, cascade at %.2f (%.0f%% to the encoder)",
                  threshold,
                  100.0 * asked / unseen.size()),
              ClassifierEvaluation.of(
                  ContributionClassifiers.cascade(
                      ContributionClassifiers.fitted(), model, threshold),
                  unseen));
        }
        ContributionClassifier cascade =
            ContributionClassifiers.cascade(
                ContributionClassifiers.fitted(), model, NeuralClassifiers.CASCADE_THRESHOLD);
        for (double minimum : new double[] {0, 0.5, 0.7, 0.8, 0.9}) {
          ruleKinds(cascade, unseen, minimum);
        }
      }
    }
  }

  /**
   * Times, in this process, the first load of the fast model and of the neural classifier, and each
   * classifier's time a contribution (median and 90th percentile, after one pass to warm up).
   */
  private static void time(List<LabelledContribution> examples) {
    java.lang.management.ThreadMXBean clock =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = clock.getCurrentThreadCpuTime();
    ContributionClassifier fast = ContributionClassifiers.fitted();
    OUT.printf(
        Locale.ROOT,
        "fast model loaded in %.0f ms (%.0f ms of processor time)%n",
        (System.nanoTime() - start) / 1e6,
        (clock.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    start = System.nanoTime();
    ContributionClassifier neural = NeuralClassifiers.neural();
    neural.classify("Load the encoder.");
    OUT.printf(
        Locale.ROOT,
        "neural classifier loaded and first text classified in %.0f ms%n",
        (System.nanoTime() - start) / 1e6);
    ContributionClassifier[] classifiers = {fast, neural, NeuralClassifiers.cascade()};
    String[] names = {"fast", "neural", "cascade"};
    for (int c = 0; c < classifiers.length; c++) {
      for (LabelledContribution e : examples) {
        classifiers[c].classify(e.text(), e.phase(), e.role());
      }
      // Wall time, and the thread's processor time, which a busy machine inflates less.
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      double[] micros = new double[examples.size()];
      double[] cpu = new double[examples.size()];
      for (int i = 0; i < micros.length; i++) {
        LabelledContribution e = examples.get(i);
        long c0 = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        classifiers[c].classify(e.text(), e.phase(), e.role());
        micros[i] = (System.nanoTime() - t) / 1e3;
        cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e3;
      }
      java.util.Arrays.sort(micros);
      java.util.Arrays.sort(cpu);
      OUT.printf(
          Locale.ROOT,
          "%-8s %d contributions: wall median %.1f µs, 90th percentile %.1f µs, mean %.1f µs;"
              + " processor median %.1f µs, mean %.1f µs%n",
          names[c],
          micros.length,
          micros[micros.length / 2],
          micros[micros.length * 9 / 10],
          java.util.Arrays.stream(micros).average().orElse(0),
          cpu[cpu.length / 2],
          java.util.Arrays.stream(cpu).average().orElse(0));
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing option " + name);
    }
    return value;
  }

  private static List<LabelledContribution> read(Path file) throws IOException {
    List<LabelledContribution> examples = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      examples.add(
          LabelledContribution.builder()
              .text(o.get("text").getAsString())
              .phase(Optional.ofNullable(o.get("phase")).map(p -> Phase.valueOf(p.getAsString())))
              .role(
                  Optional.ofNullable(o.get("role")).map(r -> SpeakerRole.valueOf(r.getAsString())))
              .kind(ContributionKind.valueOf(o.get("kind").getAsString()))
              .build());
    }
    return examples;
  }

  /** The embeddings of every text, from the cache where there, else encoded and cached. */
  private static Map<String, float[]> embed(Path cache, Stream<WriterSet> sets) throws IOException {
    Map<String, float[]> known = new HashMap<>();
    if (Files.exists(cache)) {
      try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String text = in.readUTF();
          float[] v = new float[SentenceEncoder.DIMENSIONS];
          for (int d = 0; d < v.length; d++) {
            v[d] = in.readFloat();
          }
          known.put(text, v);
        }
      }
    }
    List<String> missing =
        sets.flatMap(s -> s.examples().stream())
            .map(LabelledContribution::text)
            .distinct()
            .filter(t -> !known.containsKey(t))
            .toList();
    if (!missing.isEmpty()) {
      OUT.println("encoding " + missing.size() + " sentences");
      long start = System.nanoTime();
      try (SentenceEncoder encoder = SentenceEncoder.load()) {
        AtomicInteger done = new AtomicInteger();
        Map<String, float[]> fresh =
            missing.parallelStream()
                .collect(
                    Collectors.toConcurrentMap(
                        t -> t,
                        t -> {
                          int count = done.incrementAndGet();
                          if (count % 500 == 0) {
                            OUT.println("  " + count);
                          }
                          return encoder.embed(t);
                        }));
        known.putAll(fresh);
      }
      OUT.printf(
          Locale.ROOT,
          "encoded in %.1f s (%.1f ms a sentence, two threads)%n",
          (System.nanoTime() - start) / 1e9,
          (System.nanoTime() - start) / 1e6 / missing.size());
      Files.createDirectories(cache.toAbsolutePath().getParent());
      try (DataOutputStream out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
        out.writeInt(known.size());
        for (Map.Entry<String, float[]> entry : known.entrySet()) {
          out.writeUTF(entry.getKey());
          for (float x : entry.getValue()) {
            out.writeFloat(x);
          }
        }
      }
    }
    return known;
  }

  /** The embedding of a text of the sets, every one of which {@link #embed} covers. */
  private static float[] embedding(Map<String, float[]> embeddings, String text) {
    float[] embedding = embeddings.get(text);
    if (embedding == null) {
      throw new IllegalStateException("a text of the sets has no embedding");
    }
    return embedding;
  }

  private static List<Training.Example> examples(
      List<WriterSet> sets, Map<String, float[]> embeddings) {
    return sets.stream()
        .flatMap(s -> s.examples().stream())
        .map(
            e ->
                new Training.Example(
                    embedding(embeddings, e.text()),
                    Features.of(e.text(), e.phase(), e.role()).stream()
                        .map(t -> t.name)
                        .distinct()
                        .toList(),
                    e.kind().ordinal()))
        .toList();
  }

  /**
   * Leaves one writer's set out at a time; prints the pooled figures and returns them with the
   * temperature that fits the left-out probabilities best.
   */
  private record Validation(Training.Settings settings, double macroF1, double temperature) {}

  private static Validation crossValidate(
      List<WriterSet> sets, Map<String, float[]> embeddings, Training.Settings settings) {
    long start = System.nanoTime();
    AtomicInteger folds = new AtomicInteger();
    // By set left out: its examples' logits under the head fitted to the others.
    List<double[][]> logits =
        IntStream.range(0, sets.size())
            .parallel()
            .mapToObj(
                out -> {
                  List<WriterSet> rest = new ArrayList<>(sets);
                  rest.remove(out);
                  RegressionHead head = Training.fit(examples(rest, embeddings), settings);
                  System.err.printf(
                      "  left out %s (%d of %d)%n",
                      sets.get(out).name(), folds.incrementAndGet(), sets.size());
                  return sets.get(out).examples().stream()
                      .map(
                          e ->
                              head.logits(
                                  embedding(embeddings, e.text()),
                                  Features.of(e.text(), e.phase(), e.role()).stream()
                                      .mapToInt(t -> head.feature(t.name))
                                      .filter(f -> f >= 0)
                                      .distinct()
                                      .toArray()))
                      .toArray(double[][]::new);
                })
            .toList();
    List<LabelledContribution> all = new ArrayList<>();
    List<double[]> allLogits = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      all.addAll(sets.get(s).examples());
      allLogits.addAll(List.of(logits.get(s)));
    }
    double temperature = 1;
    double bestLoss = Double.MAX_VALUE;
    for (double t = 0.3; t <= 3.0; t += 0.01) {
      double loss = 0;
      for (int i = 0; i < all.size(); i++) {
        double[] z = allLogits.get(i).clone();
        for (int k = 0; k < z.length; k++) {
          z[k] /= t;
        }
        loss -= Math.log(RegressionHead.softmax(z)[all.get(i).kind().ordinal()]);
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        temperature = t;
      }
    }
    // The left-out predictions, as a classifier that looks each example up.
    Map<String, Classification> predicted = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      LabelledContribution e = all.get(i);
      double[] z = allLogits.get(i);
      int best = 0;
      for (int k = 1; k < z.length; k++) {
        best = z[k] > z[best] ? k : best;
      }
      predicted.putIfAbsent(
          key(e.text(), e.phase(), e.role()),
          Classification.builder().kind(RegressionHead.KINDS[best]).build());
    }
    ContributionClassifier lookup =
        (text, phase, role) -> {
          Classification prediction = predicted.get(key(text, phase, role));
          if (prediction == null) {
            throw new IllegalStateException(
                "the evaluation asked for a text that no fold predicted");
          }
          return prediction;
        };
    ClassifierEvaluation evaluation = ClassifierEvaluation.of(lookup, all);
    report(
        String.format(
            Locale.ROOT,
            "leave one set out (%s; %.0f s); temperature %.2f",
            settings,
            (System.nanoTime() - start) / 1e9,
            temperature),
        evaluation);
    return new Validation(settings, evaluation.macroF1(), temperature);
  }

  /**
   * How a rule on CLINICAL, NEW_CASE or JUDGEMENT would fare with a minimum confidence: of the
   * sentences classified as one of them at least that surely, the share right (precision); of those
   * coded as one of them, the share found so (recall); and the share left uncertain.
   */
  private static void ruleKinds(
      ContributionClassifier classifier, List<LabelledContribution> examples, double minimum) {
    java.util.Set<ContributionKind> rule =
        java.util.EnumSet.of(
            ContributionKind.CLINICAL, ContributionKind.NEW_CASE, ContributionKind.JUDGEMENT);
    int flagged = 0;
    int right = 0;
    int coded = 0;
    int found = 0;
    int uncertain = 0;
    for (LabelledContribution e : examples) {
      Classification c = classifier.classify(e.text(), e.phase(), e.role());
      boolean sure = c.confidence() >= minimum;
      if (rule.contains(c.kind())) {
        if (sure) {
          flagged++;
          right += c.kind() == e.kind() ? 1 : 0;
        } else {
          uncertain++;
        }
      }
      if (rule.contains(e.kind())) {
        coded++;
        found += sure && c.kind() == e.kind() ? 1 : 0;
      }
    }
    OUT.printf(
        Locale.ROOT,
        "  rule kinds at minimum confidence %.2f: precision %.3f (%d/%d), recall %.3f (%d/%d),"
            + " %d uncertain%n",
        minimum,
        (double) right / flagged,
        right,
        flagged,
        (double) found / coded,
        found,
        coded,
        uncertain);
  }

  private static void report(String title, ClassifierEvaluation evaluation) {
    OUT.printf(
        Locale.ROOT,
        "%s: macro-F1 %.3f, CLINICAL %.3f, NEW_CASE %.3f, JUDGEMENT %.3f, accuracy %.3f (%d)%n",
        title,
        evaluation.macroF1(),
        evaluation.f1(ContributionKind.CLINICAL),
        evaluation.f1(ContributionKind.NEW_CASE),
        evaluation.f1(ContributionKind.JUDGEMENT),
        evaluation.accuracy(),
        evaluation.total());
  }

  private static String key(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    return text + '\u0000' + phase + '\u0000' + role;
  }
}
