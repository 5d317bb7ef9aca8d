package org.balint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/** The texts the classifier benchmarks classify, with their phases and roles. */
final class ClassifierCorpus {
  /** The development corpus, relative to the repository root. */
  static final String DEVELOPMENT =
      "balint-core/src/test/resources/org/balint/language/contributions-dev.jsonl";

  /**
   * The held-out sets no classifier was fitted or tuned to (28 to 31), relative to the repository
   * root: on them the fast model is as often unsure as on a new group's sentences, so the cascade
   * sends a realistic share to the encoder.
   */
  static final List<String> UNREAD_SETS =
      List.of(28, 29, 30, 31).stream()
          .map(
              set ->
                  "balint-core/src/test/resources/org/balint/language/contributions-blind-"
                      + set
                      + ".jsonl")
          .toList();

  final String[] texts;
  final List<Optional<Phase>> phases;
  final List<Optional<SpeakerRole>> roles;

  private ClassifierCorpus(
      String[] texts, List<Optional<Phase>> phases, List<Optional<SpeakerRole>> roles) {
    this.texts = texts;
    this.phases = phases;
    this.roles = roles;
  }

  /**
   * Reads a JSON Lines corpus: field {@code text}, optional {@code phase} and {@code role}.
   *
   * @param path the file, relative to the working directory
   * @return the corpus
   * @throws IOException if the file cannot be read; a missing file names the fix
   */
  static ClassifierCorpus read(String path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    List<Optional<Phase>> phases = new ArrayList<>();
    List<Optional<SpeakerRole>> roles = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        texts.add(node.get("text").asText());
        phases.add(Optional.ofNullable(node.get("phase")).map(p -> Phase.valueOf(p.asText())));
        roles.add(Optional.ofNullable(node.get("role")).map(r -> SpeakerRole.valueOf(r.asText())));
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path, null, "run from the repository root or name the corpus");
    }
    return new ClassifierCorpus(texts.toArray(new String[0]), phases, roles);
  }

  /**
   * The first contributions of the unread sets, in file order.
   *
   * @param count how many
   * @return the corpus of {@code count} contributions
   * @throws IOException if a set cannot be read
   * @throws IllegalStateException if the sets hold fewer
   */
  static ClassifierCorpus unread(int count) throws IOException {
    List<String> texts = new ArrayList<>();
    List<Optional<Phase>> phases = new ArrayList<>();
    List<Optional<SpeakerRole>> roles = new ArrayList<>();
    for (String set : UNREAD_SETS) {
      ClassifierCorpus read = read(set);
      texts.addAll(List.of(read.texts));
      phases.addAll(read.phases);
      roles.addAll(read.roles);
    }
    if (texts.size() < count) {
      throw new IllegalStateException(
          "the unread sets hold " + texts.size() + " contributions, fewer than " + count);
    }
    return new ClassifierCorpus(
        texts.subList(0, count).toArray(new String[0]),
        phases.subList(0, count),
        roles.subList(0, count));
  }

  /**
   * Classifies the {@code i}-th text with its phase and role.
   *
   * @param classifier the classifier
   * @param i the text's index
   * @return the classification
   */
  Classification classify(ContributionClassifier classifier, int i) {
    return classifier.classify(texts[i], phases.get(i), roles.get(i));
  }
}
