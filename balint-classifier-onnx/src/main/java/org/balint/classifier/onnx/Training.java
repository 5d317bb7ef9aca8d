package org.balint.classifier.onnx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link RegressionHead}: multinomial logistic regression by full-batch gradient descent
 * (Adam), minimising the mean cross-entropy plus an L2 penalty on the weights (not the biases).
 * Deterministic: the same examples and settings give the same weights.
 */
final class Training {
  private Training() {}

  /** One labelled example: its embedding, its feature names (each once) and its kind's ordinal. */
  record Example(float[] embedding, List<String> features, int label) {}

  /** The settings of a fit. */
  record Settings(double embeddingWeight, double l2, int minCount, int iterations) {
    @Override
    public String toString() {
      return "embedding weight "
          + embeddingWeight
          + ", L2 "
          + l2
          + ", features seen at least "
          + minCount
          + " times, "
          + iterations
          + " iterations";
    }
  }

  /**
   * Fits a head, with temperature 1.
   *
   * @param examples the training examples
   * @param settings the settings
   * @return the head
   */
  static RegressionHead fit(List<Example> examples, Settings settings) {
    int kinds = RegressionHead.KINDS.length;
    int dims = SentenceEncoder.DIMENSIONS;
    // The vocabulary: features present in at least minCount examples, in order of first sight.
    Map<String, Integer> counts = new HashMap<>();
    for (Example e : examples) {
      e.features().forEach(f -> counts.merge(f, 1, Integer::sum));
    }
    Map<String, Integer> vocabulary = new LinkedHashMap<>();
    for (Example e : examples) {
      for (String f : e.features()) {
        if (counts.getOrDefault(f, 0) >= settings.minCount() && !vocabulary.containsKey(f)) {
          vocabulary.put(f, vocabulary.size());
        }
      }
    }
    int n = examples.size();
    int[][] ids = new int[n][];
    for (int i = 0; i < n; i++) {
      ids[i] =
          examples.get(i).features().stream()
              .mapToInt(f -> vocabulary.getOrDefault(f, -1))
              .filter(f -> f >= 0)
              .distinct()
              .toArray();
    }
    int v = vocabulary.size();
    // One parameter vector: bias (kinds), dense (kinds x dims), sparse (v x kinds).
    int denseAt = kinds;
    int sparseAt = denseAt + kinds * dims;
    int size = sparseAt + v * kinds;
    double[] w = new double[size];
    double[] m = new double[size];
    double[] s = new double[size];
    double[] g = new double[size];
    double alpha = settings.embeddingWeight();
    double rate = 0.05;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double[] z = new double[kinds];
    boolean trace = Boolean.getBoolean("balint.training.trace");
    for (int t = 1; t <= settings.iterations(); t++) {
      java.util.Arrays.fill(g, 0);
      double loss = 0;
      for (int i = 0; i < n; i++) {
        float[] x = examples.get(i).embedding();
        for (int k = 0; k < kinds; k++) {
          // Four sums, so that the products need not wait for each other.
          double s0 = 0;
          double s1 = 0;
          double s2 = 0;
          double s3 = 0;
          int at = denseAt + k * dims;
          for (int d = 0; d < dims; d += 4) {
            s0 += w[at + d] * x[d];
            s1 += w[at + d + 1] * x[d + 1];
            s2 += w[at + d + 2] * x[d + 2];
            s3 += w[at + d + 3] * x[d + 3];
          }
          z[k] = w[k] + alpha * (s0 + s1 + s2 + s3);
        }
        for (int f : ids[i]) {
          for (int k = 0; k < kinds; k++) {
            z[k] += w[sparseAt + f * kinds + k];
          }
        }
        RegressionHead.softmax(z);
        loss -= Math.log(z[examples.get(i).label()]);
        z[examples.get(i).label()] -= 1;
        for (int k = 0; k < kinds; k++) {
          double gk = z[k] / n;
          g[k] += gk;
          int at = denseAt + k * dims;
          double ga = gk * alpha;
          for (int d = 0; d < dims; d++) {
            g[at + d] += ga * x[d];
          }
          for (int f : ids[i]) {
            g[sparseAt + f * kinds + k] += gk;
          }
        }
      }
      if (trace && (t % 25 == 0 || t == 1)) {
        System.err.printf("iteration %d: mean cross-entropy %.5f%n", t, loss / n);
      }
      double correction1 = 1 - Math.pow(beta1, t);
      double correction2 = 1 - Math.pow(beta2, t);
      for (int j = 0; j < size; j++) {
        double gj = g[j] + (j >= kinds ? settings.l2() * w[j] : 0);
        m[j] = beta1 * m[j] + (1 - beta1) * gj;
        s[j] = beta2 * s[j] + (1 - beta2) * gj * gj;
        w[j] -= rate * (m[j] / correction1) / (Math.sqrt(s[j] / correction2) + 1e-8);
      }
    }
    float[] bias = new float[kinds];
    float[][] dense = new float[kinds][dims];
    float[][] sparse = new float[v][kinds];
    for (int k = 0; k < kinds; k++) {
      bias[k] = (float) w[k];
      for (int d = 0; d < dims; d++) {
        dense[k][d] = (float) w[denseAt + k * dims + d];
      }
      for (int f = 0; f < v; f++) {
        sparse[f][k] = (float) w[sparseAt + f * kinds + k];
      }
    }
    return new RegressionHead(alpha, 1, vocabulary, dense, sparse, bias);
  }
}
