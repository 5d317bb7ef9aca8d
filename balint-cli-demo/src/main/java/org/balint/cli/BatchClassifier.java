package org.balint.cli;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.SessionKinds;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Classifies many contributions at once on every available processor, for the commands that decide
 * the kinds of many uncoded contributions ({@code classify}, {@code validate}, {@code import},
 * {@code tables}, {@code qda export --suggest}, {@code report}).
 *
 * <p>Classifiers are pure functions and safe to share between threads (the neural one runs one ONNX
 * Runtime session with one thread per run, so that several texts run side by side), so a kind does
 * not depend on which thread decided it: results come back in input order, and every command writes
 * exactly what a run on one thread writes. Nothing is classified, and so no model is loaded, when
 * no contribution needs a classifier.
 *
 * <p>While it works it shows its progress on standard error when that is a terminal (see {@link
 * ClassificationProgress}).
 */
final class BatchClassifier {
  /** One question to the classifier: a text with its phase and its speaker's role. */
  record Request(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {}

  private final ContributionClassifier classifier;
  private final ClassificationProgress progress;

  BatchClassifier(ContributionClassifier classifier, ClassificationProgress progress) {
    this.classifier = classifier;
    this.progress = progress;
  }

  /**
   * A batch classifier for a command that knows how many contributions it will classify.
   *
   * @param classifier decides each contribution
   * @param spec the command's spec (its error writer shows the progress)
   * @return the batch classifier
   */
  static BatchClassifier of(ContributionClassifier classifier, CommandSpec spec) {
    return new BatchClassifier(classifier, ClassificationProgress.counted(errors(spec)));
  }

  /**
   * A batch classifier for a command that reads contributions as a stream and classifies them a
   * batch at a time, so that its progress counts the contributions so far, not out of a total.
   *
   * @param classifier decides each contribution
   * @param spec the command's spec (its error writer shows the progress)
   * @return the batch classifier
   */
  static BatchClassifier streaming(ContributionClassifier classifier, CommandSpec spec) {
    return new BatchClassifier(classifier, ClassificationProgress.running(errors(spec)));
  }

  private static PrintWriter errors(CommandSpec spec) {
    return spec.commandLine().getErr();
  }

  /**
   * Classifies contributions on every available processor.
   *
   * @param requests what to classify
   * @return one classification a request, in the order of the requests
   */
  ImmutableList<Classification> classifyAll(List<Request> requests) {
    Classification[] results = new Classification[requests.size()];
    progress.start(results.length);
    try {
      IntStream.range(0, results.length)
          .parallel()
          .forEach(
              i -> {
                Request request = requests.get(i);
                results[i] = classifier.classify(request.text(), request.phase(), request.role());
                progress.advance();
              });
    } finally {
      progress.finish();
    }
    return ImmutableList.copyOf(results);
  }

  /**
   * Classifies, in one pass on every processor, the uncoded contributions of some documents in the
   * phases a command will ask about (as {@link org.balint.language.SessionKinds} asks: with the
   * phase and the speaker's role in the case), and returns a classifier that answers those from the
   * results and anything else as the underlying classifier does. Its answers are the underlying
   * classifier's, only decided ahead of time.
   *
   * @param records the documents
   * @param asked the phases whose contributions the command asks about
   * @return the classifier to give the command's validation, tables or report
   */
  ContributionClassifier decidedAhead(List<GroupRecord> records, Predicate<Phase> asked) {
    List<Request> uncoded = new ArrayList<>();
    for (GroupRecord record : records) {
      Group group = record.group();
      for (Session session : record.sessions()) {
        for (Contribution contribution : session.contributions()) {
          if (contribution.kind().isEmpty() && asked.test(contribution.phase())) {
            uncoded.add(
                new Request(
                    contribution.text(),
                    Optional.of(contribution.phase()),
                    Optional.of(SessionKinds.speakerRole(group, session, contribution))));
          }
        }
      }
    }
    return decidedAhead(uncoded);
  }

  /**
   * Classifies some contributions in one pass on every processor, and returns a classifier that
   * answers those from the results and anything else as the underlying classifier does.
   *
   * @param questions the contributions the caller will ask about (repeats are classified once)
   * @return the classifier to give the caller
   */
  ContributionClassifier decidedAhead(Collection<Request> questions) {
    if (questions.isEmpty()) {
      return classifier;
    }
    List<Request> requests = List.copyOf(new LinkedHashSet<>(questions));
    List<Classification> results = classifyAll(requests);
    Map<Request, Classification> decided = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      decided.put(requests.get(i), results.get(i));
    }
    return (text, phase, role) -> {
      @Nullable Classification known = decided.get(new Request(text, phase, role));
      return known != null ? known : classifier.classify(text, phase, role);
    };
  }
}
