package org.balint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.balint.classifier.onnx.NeuralClassifiers;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.language.SessionKinds;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

/**
 * Classification on every processor: the same kinds, in the same order, as one at a time; every
 * question asked once; no classifier asked when every kind is coded; progress only at a terminal.
 */
class BatchClassifierTest {
  private static final String[] OPENINGS = {
    "I felt", "I wonder whether", "Has anyone checked", "You really shouldn't have",
    "I had a patient who", "How long has she", "Can we stay with how", "Maybe the doctor",
  };
  private static final String[] MIDDLES = {
    "her thyroid",
    "the way he left",
    "so angry",
    "a list of complaints",
    "the referral",
    "the husband",
    "nothing at all",
    "the drug doctor",
  };
  private static final String[] ENDS = {"?", ".", " last week.", " all along?", " for years."};

  /** Texts made of every opening, middle and end: 320 different contributions. */
  private static List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (String opening : OPENINGS) {
      for (String middle : MIDDLES) {
        for (String end : ENDS) {
          texts.add(opening + " " + middle + end);
        }
      }
    }
    return texts;
  }

  private static String jsonLine(String text, int n) {
    ObjectNode line = JsonLines.object();
    line.put("id", n);
    line.put("text", text);
    line.put("phase", Phase.values()[1 + n % 5].name());
    return JsonLines.line(line);
  }

  /** The output of one run over all the lines, and the outputs of one run a line, joined. */
  private static void assertBatchOutputIsTheLineByLineOutput(int lines, String classifier) {
    List<String> texts = texts();
    StringBuilder input = new StringBuilder();
    StringBuilder oneAtATime = new StringBuilder();
    for (int n = 0; n < lines; n++) {
      String line = jsonLine(texts.get(n % texts.size()), n);
      input.append(line).append('\n');
      CliRun single =
          CliRun.withInput(line + "\n", "classify", "--format", "json", "--classifier", classifier);
      assertEquals(ExitCodes.OK, single.exitCode, single::toString);
      oneAtATime.append(single.out);
    }

    CliRun batch =
        CliRun.withInput(
            input.toString(), "classify", "--format", "json", "--classifier", classifier);

    assertEquals(ExitCodes.OK, batch.exitCode, batch::toString);
    assertEquals("", batch.err);
    assertEquals(oneAtATime.toString(), batch.out);
  }

  @Test
  void classify_manyLinesWithTheFastModel_writesWhatOneLineAtATimeWrites() {
    // More than one batch, the last one short.
    assertBatchOutputIsTheLineByLineOutput(1_300, "fast");
  }

  @Test
  void classify_withTheCascade_writesWhatOneLineAtATimeWrites() {
    // The cascade sends the fast model's doubtful texts to the encoder, run side by side.
    assertBatchOutputIsTheLineByLineOutput(200, "cascade");
  }

  @Test
  void classify_badLineAfterABatch_writesTheLinesBeforeItAndNamesIt() {
    StringBuilder input = new StringBuilder();
    for (int n = 0; n < 1_500; n++) {
      input.append(jsonLine("I felt so sad.", n)).append('\n');
    }
    input.append("{\"text\": 3}\n");

    CliRun run = CliRun.withInput(input.toString(), "classify", "--classifier", "fast");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertEquals("balint: <stdin>:1501: $.text: expected a string but was 3\n", run.err);
    assertEquals(1_500, run.out.lines().filter(line -> line.startsWith("[")).count());
  }

  @Test
  void classifyAll_givesEachRequestItsOwnClassificationInOrder() {
    ContributionClassifier fast = ContributionClassifiers.fitted();
    List<BatchClassifier.Request> requests = new ArrayList<>();
    for (String text : texts()) {
      requests.add(
          new BatchClassifier.Request(text, Optional.of(Phase.DISCUSSION), Optional.empty()));
    }

    List<Classification> results = quiet(fast).classifyAll(requests);

    assertEquals(requests.size(), results.size());
    for (int i = 0; i < requests.size(); i++) {
      assertEquals(
          fast.classify(requests.get(i).text(), requests.get(i).phase(), requests.get(i).role()),
          results.get(i));
    }
  }

  @Test
  void decidedAhead_answersWhatSessionKindsAsksWithEachQuestionAskedOnce() {
    CountingClassifier counting = new CountingClassifier(NeuralClassifiers.cascade());
    GroupRecord record = record(texts(), false);

    ContributionClassifier ahead = quiet(counting).decidedAhead(List.of(record), phase -> true);
    int askedAhead = counting.calls.get();
    for (Session session : record.sessions()) {
      SessionKinds batch = SessionKinds.of(record.group(), session, ahead);
      SessionKinds alone = SessionKinds.of(record.group(), session, NeuralClassifiers.cascade());
      for (int i = 0; i < session.contributions().size(); i++) {
        assertEquals(alone.kindOf(i), batch.kindOf(i));
        assertEquals(alone.confidenceOf(i), batch.confidenceOf(i));
      }
    }

    assertEquals(texts().size(), askedAhead, "each uncoded contribution once");
    assertEquals(askedAhead, counting.calls.get(), "nothing asked again afterwards");
    assertTrue(counting.asked.values().stream().allMatch(n -> n == 1), "a question asked twice");
  }

  @Test
  void decidedAhead_onlyThePhasesAsked() {
    CountingClassifier counting = new CountingClassifier(ContributionClassifiers.fitted());
    GroupRecord record = record(texts(), false);

    quiet(counting).decidedAhead(List.of(record), phase -> phase == Phase.DISCUSSION);

    long discussion =
        record.sessions().stream()
            .flatMap(session -> session.contributions().stream())
            .filter(contribution -> contribution.phase() == Phase.DISCUSSION)
            .count();
    assertEquals(discussion, counting.calls.get());
  }

  @Test
  void decidedAhead_everyKindCoded_asksNothing() {
    CountingClassifier counting = new CountingClassifier(ContributionClassifiers.fitted());

    ContributionClassifier ahead =
        quiet(counting).decidedAhead(List.of(record(texts(), true)), phase -> true);

    assertEquals(0, counting.calls.get());
    assertEquals(counting, ahead, "the classifier itself, never loaded");
  }

  @Test
  void progress_atATerminal_rewritesOneLineAtMostFourTimesASecondAndBlanksIt() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    ClassificationProgress progress =
        new ClassificationProgress(new PrintWriter(err), true, true, now::get);

    progress.start(5_000);
    for (int i = 0; i < 1_239; i++) {
      progress.advance();
    }
    now.set(300_000_000L);
    progress.advance();
    now.set(400_000_000L);
    progress.advance();
    progress.finish();

    String line = "classifying 1,240 of 5,000 contributions…";
    assertEquals("\r" + line + "\r" + " ".repeat(line.length()) + "\r", err.toString());
  }

  @Test
  void progress_streaming_countsOverBatches() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    ClassificationProgress progress =
        new ClassificationProgress(new PrintWriter(err), true, false, now::get);
    progress.start(1_024);
    for (int i = 0; i < 1_024; i++) {
      progress.advance();
    }
    progress.finish();
    progress.start(10);

    now.set(1_000_000_000L);
    progress.advance();

    assertEquals("\rclassified 1,025 contributions…", err.toString());
  }

  @Test
  void progress_notATerminal_writesNothing() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    ClassificationProgress progress =
        new ClassificationProgress(new PrintWriter(err), false, true, now::get);

    progress.start(10);
    now.set(10_000_000_000L);
    progress.advance();
    progress.finish();

    assertEquals("", err.toString());
  }

  private static BatchClassifier quiet(ContributionClassifier classifier) {
    return new BatchClassifier(
        classifier,
        new ClassificationProgress(
            new PrintWriter(new StringWriter()), false, true, System::nanoTime));
  }

  /** The example group's sessions of the texts, fifteen a session, in phase order; coded or not. */
  private static GroupRecord record(List<String> texts, boolean coded) {
    GroupRecord.Builder record = GroupRecord.builder().group(DemoCommand.readExample().group());
    Phase[] phases = {
      Phase.QUESTIONS, Phase.DISCUSSION, Phase.DISCUSSION, Phase.PRESENTER_RETURNS, Phase.CLOSING
    };
    Instant start = Instant.parse("2026-11-20T18:00:00Z");
    for (int from = 0, number = 0; from < texts.size(); from += 15, number++) {
      Session.Builder session =
          Session.builder()
              .id("s" + number)
              .start(start.plusSeconds(86_400L * 14 * number))
              .addCase(Case.builder().presenter("m1").title("A case").build());
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + 15));
      for (int i = 0; i < chunk.size(); i++) {
        Phase phase = phases[i * phases.length / chunk.size()];
        String speaker =
            phase == Phase.PRESENTER_RETURNS ? "m1" : i % 4 == 0 ? "L1" : "m" + (2 + i % 7);
        Contribution.Builder contribution =
            Contribution.builder().speaker(speaker).phase(phase).text(chunk.get(i));
        if (coded) {
          contribution.kind(ContributionKind.FEELING);
        }
        session.addContribution(contribution.build());
      }
      record.addSessions(session.build());
    }
    return record.build();
  }

  /** Counts the questions put to a classifier, from any thread. */
  private static final class CountingClassifier implements ContributionClassifier {
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final ContributionClassifier classifier;

    CountingClassifier(ContributionClassifier classifier) {
      this.classifier = classifier;
    }

    @Override
    public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
      calls.incrementAndGet();
      asked.merge(text + phase + role, 1, Integer::sum);
      return classifier.classify(text, phase, role);
    }
  }
}
