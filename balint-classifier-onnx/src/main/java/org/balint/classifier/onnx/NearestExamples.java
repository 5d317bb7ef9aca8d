package org.balint.classifier.onnx;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.balint.session.ContributionKind;

/**
 * The labelled sentences the head was fitted to, with their embeddings (stored as one byte a
 * dimension and a scale), to show the closest ones of a kind as an explanation.
 *
 * <p>The file format, gzip-compressed: the count, then per example its kind's ordinal (a byte), its
 * text ({@link DataOutputStream#writeUTF}), its scale (a float) and {@link
 * SentenceEncoder#DIMENSIONS} signed bytes. Immutable and thread-safe.
 */
final class NearestExamples {
  /** One labelled example close to a text, with the cosine similarity of their embeddings. */
  record Near(String text, ContributionKind kind, double similarity) {}

  private final String[] texts;
  private final byte[] kinds;
  private final float[] scales;
  private final byte[][] vectors;

  private NearestExamples(String[] texts, byte[] kinds, float[] scales, byte[][] vectors) {
    this.texts = texts;
    this.kinds = kinds;
    this.scales = scales;
    this.vectors = vectors;
  }

  /**
   * The examples of a kind closest to an embedding, closest first.
   *
   * @param embedding the embedding, of length one
   * @param kind the kind of the examples wanted
   * @param count how many at most
   * @return the examples
   */
  List<Near> closest(float[] embedding, ContributionKind kind, int count) {
    int[] best = new int[count];
    double[] similarity = new double[count];
    int found = 0;
    for (int i = 0; i < texts.length; i++) {
      if (kinds[i] != kind.ordinal()) {
        continue;
      }
      byte[] v = vectors[i];
      double dot = 0;
      for (int d = 0; d < v.length; d++) {
        dot += v[d] * embedding[d];
      }
      dot *= scales[i];
      int at = found < count ? found++ : count;
      while (at > 0 && similarity[at - 1] < dot) {
        if (at < count) {
          similarity[at] = similarity[at - 1];
          best[at] = best[at - 1];
        }
        at--;
      }
      if (at < count) {
        similarity[at] = dot;
        best[at] = i;
      }
    }
    List<Near> result = new ArrayList<>(found);
    for (int j = 0; j < found; j++) {
      result.add(
          new Near(texts[best[j]], ContributionKind.values()[kinds[best[j]]], similarity[j]));
    }
    return result;
  }

  /**
   * Writes examples in the file format.
   *
   * @param out where to write; finished, not closed
   * @param texts the texts
   * @param kinds their kinds
   * @param embeddings their embeddings
   * @throws IOException if writing fails
   */
  static void write(
      OutputStream out, List<String> texts, List<ContributionKind> kinds, List<float[]> embeddings)
      throws IOException {
    GZIPOutputStream zip = new GZIPOutputStream(out);
    DataOutputStream data = new DataOutputStream(zip);
    data.writeInt(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] e = embeddings.get(i);
      float max = 0;
      for (float x : e) {
        max = Math.max(max, Math.abs(x));
      }
      float scale = max == 0 ? 0 : max / 127;
      data.writeByte(kinds.get(i).ordinal());
      data.writeUTF(texts.get(i));
      data.writeFloat(scale);
      for (float x : e) {
        data.writeByte(scale == 0 ? 0 : Math.round(x / scale));
      }
    }
    data.flush();
    zip.finish();
  }

  /**
   * Reads examples in the file format.
   *
   * @param in the file's bytes; not closed
   * @return the examples
   * @throws IOException if reading fails or the file is cut short
   */
  static NearestExamples read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new GZIPInputStream(in));
    int n = data.readInt();
    String[] texts = new String[n];
    byte[] kinds = new byte[n];
    float[] scales = new float[n];
    byte[][] vectors = new byte[n][SentenceEncoder.DIMENSIONS];
    for (int i = 0; i < n; i++) {
      kinds[i] = data.readByte();
      texts[i] = data.readUTF();
      scales[i] = data.readFloat();
      data.readFully(vectors[i]);
    }
    return new NearestExamples(texts, kinds, scales, vectors);
  }
}
