package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * Reads the labelled corpora in the test resources: JSON Lines of flat objects with string values
 * {@code text}, {@code phase}, {@code role} and {@code kind}. Core has no JSON library, and these
 * files need no more than this.
 */
final class LabelledCorpus {
  static final String DEVELOPMENT = "contributions-dev.jsonl";
  static final String HELD_OUT = "contributions-heldout.jsonl";
  static final String HELD_OUT_2 = "contributions-heldout-2.jsonl";
  static final String HELD_OUT_3 = "contributions-heldout-3.jsonl";
  static final String HELD_OUT_4 = "contributions-heldout-4.jsonl";
  static final String HELD_OUT_5 = "contributions-heldout-5.jsonl";

  /**
   * The number of blind sets, {@code contributions-blind-1.jsonl} and on: 1 to 7 by the lexicon's
   * author, 8 to 31 by independent writers (see {@link #FIRST_INDEPENDENT_SET}).
   */
  static final int BLIND_SETS = 31;

  /**
   * The first blind set written by someone who had never seen the lexicon or the classifier: sets 8
   * to 31 were written by twenty-four separate writers who had read only the definitions of the
   * kinds and the development corpus (8 to 15 in the third session, 16 to 31 in the fourth). The
   * errors of sets 8 to 19 and 24 to 27 were read; the fitted model was fitted to sets 1 to 27.
   */
  static final int FIRST_INDEPENDENT_SET = 8;

  /**
   * The first of the blind sets that nobody has read and no classifier was tuned or fitted to: sets
   * 28 to 31, the estimate of how the classifiers do on other people's sentences.
   */
  static final int FIRST_UNREAD_SET = 28;

  private LabelledCorpus() {}

  /** The resource name of blind set {@code number} (1 to {@link #BLIND_SETS}). */
  static String blind(int number) {
    checkArgument(number >= 1 && number <= BLIND_SETS, "no blind set %s", number);
    return "contributions-blind-" + number + ".jsonl";
  }

  static ImmutableList<LabelledContribution> load(String resource) {
    InputStream in = LabelledCorpus.class.getResourceAsStream(resource);
    checkArgument(in != null, "no test resource %s", resource);
    ImmutableList.Builder<LabelledContribution> examples = ImmutableList.builder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          Map<String, String> fields = parseObject(line.trim());
          examples.add(
              LabelledContribution.builder()
                  .text(fields.get("text"))
                  .phase(Optional.ofNullable(fields.get("phase")).map(Phase::valueOf))
                  .role(Optional.ofNullable(fields.get("role")).map(SpeakerRole::valueOf))
                  .kind(ContributionKind.valueOf(fields.get("kind")))
                  .build());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return examples.build();
  }

  private static Map<String, String> parseObject(String json) {
    Map<String, String> fields = new HashMap<>();
    int[] at = {skipSpace(json, 0)};
    expect(json, at, '{');
    while (true) {
      at[0] = skipSpace(json, at[0]);
      if (json.charAt(at[0]) == '}') {
        return fields;
      }
      String key = string(json, at);
      at[0] = skipSpace(json, at[0]);
      expect(json, at, ':');
      at[0] = skipSpace(json, at[0]);
      fields.put(key, string(json, at));
      at[0] = skipSpace(json, at[0]);
      if (json.charAt(at[0]) == ',') {
        at[0]++;
      }
    }
  }

  private static int skipSpace(String json, int at) {
    while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
      at++;
    }
    return at;
  }

  private static void expect(String json, int[] at, char c) {
    checkArgument(json.charAt(at[0]) == c, "expected '%s' at %s in %s", c, at[0], json);
    at[0]++;
  }

  private static String string(String json, int[] at) {
    expect(json, at, '"');
    StringBuilder out = new StringBuilder();
    while (json.charAt(at[0]) != '"') {
      char c = json.charAt(at[0]++);
      if (c == '\\') {
        char escaped = json.charAt(at[0]++);
        switch (escaped) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            out.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
            at[0] += 4;
            break;
          default:
            out.append(escaped);
        }
      } else {
        out.append(c);
      }
    }
    at[0]++;
    return out.toString();
  }
}
