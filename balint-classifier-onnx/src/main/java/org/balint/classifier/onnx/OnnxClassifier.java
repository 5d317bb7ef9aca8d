package org.balint.classifier.onnx;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.Cue;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The neural contribution classifier: the sentence encoder e5-small-v2 (quantised, run in-process
 * by ONNX Runtime) turns the text into 384 numbers, and one multinomial logistic regression over
 * those numbers, the text's words and word pairs, its first word, a final question mark, the phase
 * and the speaker's role gives each kind a calibrated probability. The kind with the highest
 * probability wins; its probability is the {@linkplain Classification#confidence() confidence}.
 *
 * <p>The cues explain the decision honestly: the words and pairs of the text that pushed towards
 * the kind chosen (each weighs more for that kind than for any other, and more than for the
 * runner-up by at least {@value #CUE_MARGIN}), in text order, then the {@value #EXAMPLES} labelled
 * examples of that kind closest to the text in meaning, as cues named {@code example: TEXT} with an
 * empty span at 0.
 *
 * <p>The head's weights ({@value #HEAD}) and the examples ({@value #EXAMPLES_FILE}) are resources
 * of this module, fitted by {@link HeadFitter}; the encoder is loaded on the first classification
 * (about a second), not before. Nothing is downloaded or written, except that ONNX Runtime unpacks
 * its native library into the temporary directory. Thread-safe.
 */
public final class OnnxClassifier implements ContributionClassifier {
  /** The classpath resource, beside this class, of the regression head's weights. */
  public static final String HEAD = "head.txt";

  /** The classpath resource, beside this class, of the labelled examples shown as cues. */
  public static final String EXAMPLES_FILE = "examples.bin";

  /** How much more a word must weigh for the kind chosen than for the runner-up to be a cue. */
  static final double CUE_MARGIN = 0.25;

  /** The most words and pairs shown as cues. */
  static final int WORD_CUES = 5;

  /** The number of closest labelled examples shown as cues. */
  static final int EXAMPLES = 2;

  private static final Supplier<OnnxClassifier> SHARED =
      Suppliers.memoize(
          () -> {
            Supplier<SentenceEncoder> encoder = Suppliers.memoize(SentenceEncoder::load);
            return new OnnxClassifier(
                readHead(), Optional.of(readExamples()), text -> encoder.get().embed(text));
          });

  private final RegressionHead head;
  private final Optional<NearestExamples> examples;
  private final Function<String, float[]> encoder;

  OnnxClassifier(
      RegressionHead head, Optional<NearestExamples> examples, Function<String, float[]> encoder) {
    this.head = head;
    this.examples = examples;
    this.encoder = encoder;
  }

  /**
   * The neural classifier with the head and examples shipped in this module, loaded once; its
   * encoder is loaded on its first classification.
   *
   * @return the shared classifier
   * @throws IllegalStateException if a resource is missing (a broken build)
   */
  public static OnnxClassifier shared() {
    return SHARED.get();
  }

  private static RegressionHead readHead() {
    try (InputStream in = resource(HEAD)) {
      return RegressionHead.read(new InputStreamReader(in, StandardCharsets.UTF_8), HEAD);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the neural classifier's " + HEAD, e);
    }
  }

  private static NearestExamples readExamples() {
    try (InputStream in = resource(EXAMPLES_FILE)) {
      return NearestExamples.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the neural classifier's " + EXAMPLES_FILE, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OnnxClassifier.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the neural classifier's resource is missing: " + name);
    }
    return in;
  }

  /**
   * The calibrated probability of each kind.
   *
   * @param text what was said
   * @param phase its phase, if known
   * @param role the speaker's role, if known
   * @return one probability a kind, by ordinal, summing to one
   */
  public double[] probabilities(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    return head.probabilities(encoder.apply(text), known(Features.of(text, phase, role)));
  }

  @Override
  public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    checkNotNull(text, "text");
    checkNotNull(phase, "phase");
    checkNotNull(role, "role");
    float[] embedding = encoder.apply(text);
    ImmutableList<Features.Term> terms = Features.of(text, phase, role);
    double[] p = head.probabilities(embedding, known(terms));
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    int second = best == 0 ? 1 : 0;
    for (int k = 0; k < p.length; k++) {
      if (k != best && p[k] > p[second]) {
        second = k;
      }
    }
    ContributionKind kind = RegressionHead.KINDS[best];
    Classification.Builder result = Classification.builder().kind(kind).confidence(p[best]);
    result.addAllCues(wordCues(text, terms, best, second));
    examples.ifPresent(
        known ->
            known.closest(embedding, kind, EXAMPLES).stream()
                .map(
                    near ->
                        Cue.builder()
                            .name(
                                String.format(
                                    Locale.ROOT,
                                    "example (similarity %.2f): %s",
                                    near.similarity(),
                                    near.text()))
                            .kind(kind)
                            .start(0)
                            .end(0)
                            .matched("")
                            .build())
                .forEach(result::addCues));
    return result.build();
  }

  private int[] known(List<Features.Term> terms) {
    return terms.stream()
        .mapToInt(t -> head.feature(t.name))
        .filter(f -> f >= 0)
        .distinct()
        .toArray();
  }

  /** The words and pairs that pushed most towards the kind chosen, in text order. */
  private List<Cue> wordCues(String text, List<Features.Term> terms, int best, int second) {
    List<Features.Term> pushing = new ArrayList<>();
    List<Double> push = new ArrayList<>();
    for (Features.Term term : terms) {
      int f = head.feature(term.name);
      if (f < 0 || !term.inText() || term.name.startsWith("f:")) {
        continue;
      }
      double own = head.weight(f, best);
      boolean most = true;
      for (int k = 0; k < RegressionHead.KINDS.length; k++) {
        most &= head.weight(f, k) <= own;
      }
      double margin = own - head.weight(f, second);
      if (most
          && margin >= CUE_MARGIN
          && pushing.stream().noneMatch(t -> t.name.equals(term.name))) {
        pushing.add(term);
        push.add(margin);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pushing.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> -push.get(i)));
    List<Integer> kept = new ArrayList<>(order.subList(0, Math.min(WORD_CUES, order.size())));
    kept.sort(
        Comparator.comparing((Integer i) -> pushing.get(i).start)
            .thenComparing(i -> pushing.get(i).end));
    ContributionKind kind = RegressionHead.KINDS[best];
    List<Cue> cues = new ArrayList<>(kept.size());
    for (int i : kept) {
      Features.Term term = pushing.get(i);
      String name = (term.name.startsWith("p:") ? "pair:" : "word:") + term.name.substring(2);
      cues.add(
          Cue.builder()
              .name(name)
              .kind(kind)
              .start(term.start)
              .end(term.end)
              .matched(text.substring(term.start, term.end))
              .build());
    }
    return cues;
  }

  @Override
  public String toString() {
    return "OnnxClassifier{e5-small-v2-q, embedding weight "
        + head.embeddingWeight
        + ", temperature "
        + head.temperature
        + "}";
  }
}
