package org.balint.classifier.onnx;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.balint.session.ContributionKind;

/**
 * Multinomial logistic regression over a contribution's embedding (scaled by the embedding weight)
 * and its present {@link Features}: one weight a kind for each embedding dimension and each known
 * feature, a bias a kind, and a temperature that calibrates the probabilities.
 *
 * <p>The text format, one item a line, numbers separated by spaces, {@code #} starting a comment:
 * {@code @embedding-weight W}, {@code @temperature T}, {@code @kinds} with the kinds in column
 * order, {@code bias} with one number a kind, {@code e0} to {@code e383} with the embedding
 * dimensions' weights, and then one line a feature: its name, a tab, its weights.
 *
 * <p>Immutable and thread-safe.
 */
final class RegressionHead {
  static final ContributionKind[] KINDS = ContributionKind.values();
  private static final int K = KINDS.length;

  final double embeddingWeight;
  final double temperature;
  private final ImmutableMap<String, Integer> vocabulary;

  /** By kind, by embedding dimension. */
  private final float[][] dense;

  /** By feature, by kind. */
  private final float[][] sparse;

  private final float[] bias;

  RegressionHead(
      double embeddingWeight,
      double temperature,
      Map<String, Integer> vocabulary,
      float[][] dense,
      float[][] sparse,
      float[] bias) {
    checkArgument(temperature > 0, "temperature must be positive, was %s", temperature);
    this.embeddingWeight = embeddingWeight;
    this.temperature = temperature;
    this.vocabulary = ImmutableMap.copyOf(vocabulary);
    this.dense = dense;
    this.sparse = sparse;
    this.bias = bias;
  }

  /** The same head with another temperature. */
  RegressionHead withTemperature(double newTemperature) {
    return new RegressionHead(embeddingWeight, newTemperature, vocabulary, dense, sparse, bias);
  }

  /** The index of a feature, or -1 if the head does not know it. */
  int feature(String name) {
    Integer index = vocabulary.get(name);
    return index == null ? -1 : index;
  }

  /** The weight of a known feature for a kind. */
  double weight(int feature, int kind) {
    return sparse[feature][kind];
  }

  /**
   * The kinds' scores before the softmax.
   *
   * @param embedding the text's embedding
   * @param features the indexes of the known features present, each once
   * @return one score a kind, by ordinal
   */
  double[] logits(float[] embedding, int[] features) {
    double[] z = new double[K];
    for (int k = 0; k < K; k++) {
      double s = 0;
      float[] w = dense[k];
      for (int d = 0; d < embedding.length; d++) {
        s += w[d] * embedding[d];
      }
      z[k] = bias[k] + embeddingWeight * s;
    }
    for (int f : features) {
      for (int k = 0; k < K; k++) {
        z[k] += sparse[f][k];
      }
    }
    return z;
  }

  /**
   * The kinds' calibrated probabilities.
   *
   * @param embedding the text's embedding
   * @param features the indexes of the known features present, each once
   * @return one probability a kind, by ordinal, summing to one
   */
  double[] probabilities(float[] embedding, int[] features) {
    double[] z = logits(embedding, features);
    for (int k = 0; k < K; k++) {
      z[k] /= temperature;
    }
    return softmax(z);
  }

  /** Softmax in place; returns its argument. */
  static double[] softmax(double[] z) {
    double max = Arrays.stream(z).max().orElse(0);
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  /**
   * Writes the head in its text format, dropping features whose weights all round to zero.
   *
   * @param out where to write
   * @param header comment lines to put first, without their {@code #}
   */
  void write(PrintWriter out, List<String> header) {
    header.forEach(line -> out.println("# " + line));
    out.printf(Locale.ROOT, "@embedding-weight %s%n", embeddingWeight);
    out.printf(Locale.ROOT, "@temperature %.4f%n", temperature);
    out.print("@kinds");
    for (ContributionKind kind : KINDS) {
      out.print(" " + kind);
    }
    out.println();
    out.println("bias" + numbers(bias));
    for (int d = 0; d < dense[0].length; d++) {
      float[] column = new float[K];
      for (int k = 0; k < K; k++) {
        column[k] = dense[k][d];
      }
      out.println("e" + d + numbers(column));
    }
    vocabulary.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              float[] w = sparse[entry.getValue()];
              boolean any = false;
              for (float v : w) {
                any |= Math.abs(v) >= 0.0005f;
              }
              if (any) {
                out.println(entry.getKey() + "\t" + numbers(w).substring(1));
              }
            });
  }

  private static String numbers(float[] values) {
    StringBuilder line = new StringBuilder();
    for (float v : values) {
      line.append(' ').append(String.format(Locale.ROOT, "%.4g", v));
    }
    return line.toString();
  }

  /**
   * Reads a head in its text format.
   *
   * @param in the text; read to its end, not closed
   * @param source its name for error messages
   * @return the head
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a line is malformed; the message names it
   */
  static RegressionHead read(Reader in, String source) throws IOException {
    BufferedReader lines = new BufferedReader(in);
    double embeddingWeight = 1;
    double temperature = 1;
    float[] bias = null;
    float[][] denseByDimension = new float[SentenceEncoder.DIMENSIONS][];
    Map<String, Integer> vocabulary = new HashMap<>();
    List<float[]> sparse = new java.util.ArrayList<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        if (line.startsWith("@embedding-weight ")) {
          embeddingWeight = Double.parseDouble(line.substring(18).trim());
        } else if (line.startsWith("@temperature ")) {
          temperature = Double.parseDouble(line.substring(13).trim());
        } else if (line.startsWith("@kinds")) {
          String expected =
              "@kinds " + String.join(" ", Arrays.stream(KINDS).map(Enum::name).toList());
          checkArgument(line.trim().equals(expected), "expected '%s'", expected);
        } else if (line.indexOf('\t') >= 0) {
          int tab = line.indexOf('\t');
          vocabulary.put(line.substring(0, tab), sparse.size());
          sparse.add(parseWeights(line.substring(tab + 1)));
        } else if (line.startsWith("bias ")) {
          bias = parseWeights(line.substring(5));
        } else if (line.startsWith("e")) {
          int space = line.indexOf(' ');
          int d = Integer.parseInt(line.substring(1, space));
          checkArgument(d >= 0 && d < denseByDimension.length, "no embedding dimension %s", d);
          denseByDimension[d] = parseWeights(line.substring(space + 1));
        } else {
          throw new IllegalArgumentException("unknown line");
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException(
            source + " line " + number + ": " + e.getMessage() + " (weights of the neural head)",
            e);
      }
    }
    checkArgument(bias != null, "%s has no bias line", source);
    float[][] dense = new float[K][denseByDimension.length];
    for (int d = 0; d < denseByDimension.length; d++) {
      checkArgument(denseByDimension[d] != null, "%s has no line e%s", source, d);
      for (int k = 0; k < K; k++) {
        dense[k][d] = denseByDimension[d][k];
      }
    }
    return new RegressionHead(
        embeddingWeight, temperature, vocabulary, dense, sparse.toArray(float[][]::new), bias);
  }

  private static float[] parseWeights(String numbers) {
    String[] parts = numbers.trim().split(" +");
    checkArgument(parts.length == K, "expected %s weights, found %s", K, parts.length);
    float[] w = new float[K];
    for (int k = 0; k < K; k++) {
      w[k] = Float.parseFloat(parts[k]);
    }
    return w;
  }
}
