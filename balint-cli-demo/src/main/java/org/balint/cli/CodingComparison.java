package org.balint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.balint.language.ClassifiedExample;
import org.balint.language.ClassifierEvaluation;
import org.balint.language.CodedPair;
import org.balint.language.CodingAgreement;
import org.balint.language.LabelledContribution;
import org.balint.session.ContributionKind;
import org.jspecify.annotations.Nullable;

/**
 * {@code classify --evaluate}: how far a coding agrees with the classifier, or with another coder's
 * ({@code --against}), as a confusion matrix, Cohen's κ, the agreement per kind and the
 * contributions they disagree on, by id.
 */
final class CodingComparison {
  private final PrintWriter out;
  private final ReportFormat format;

  CodingComparison(PrintWriter out, ReportFormat format) {
    this.out = out;
    this.format = format;
  }

  /**
   * Compares a coding with the classifier's kinds.
   *
   * @param file the coded contributions (JSON Lines with text and kind, or a document)
   * @param stdin standard input, read when {@code file} is {@code -}
   * @param classifier the classifier, run on every processor
   * @return the exit code
   */
  int againstClassifier(Path file, InputStream stdin, BatchClassifier classifier) {
    CodedSource source = CodedSource.read(file, stdin, false);
    if (source.items.isEmpty()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, source.name + ": no labelled contributions to evaluate");
    }
    List<LabelledContribution> examples = new ArrayList<>();
    for (CodedSource.Item item : source.items) {
      examples.add(
          LabelledContribution.builder()
              .text(item.text == null ? "" : item.text)
              .phase(item.phase)
              .role(item.role)
              .kind(item.kind)
              .build());
    }
    ClassifierEvaluation evaluation =
        ClassifierEvaluation.of(
            classifier.decidedAhead(
                examples.stream()
                    .map(
                        example ->
                            new BatchClassifier.Request(
                                example.text(), example.phase(), example.role()))
                    .toList()),
            examples);
    List<CodedPair> pairs = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      ClassifiedExample outcome = evaluation.outcomes().get(i);
      String id = source.items.get(i).id;
      pairs.add(
          CodedPair.builder()
              .id(id)
              .first(outcome.example().kind())
              .second(outcome.classification().kind())
              .build());
      texts.put(id, outcome.example().text());
    }
    CodingAgreement agreement = CodingAgreement.of(pairs);
    if (format == ReportFormat.json) {
      ObjectNode report = report(source.name, "classifier", agreement, texts, 0, 0);
      report.put("accuracy", evaluation.accuracy());
      report.put("macro_f1", evaluation.macroF1());
      for (ContributionKind kind : ContributionKind.values()) {
        ((ObjectNode) report.get("kinds").get(kind.name()))
            .put("precision", evaluation.precision(kind))
            .put("recall", evaluation.recall(kind))
            .put("f1", evaluation.f1(kind));
      }
      out.println(JsonLines.line(report));
    } else {
      out.printf("%s: %d labelled contributions%n%n", source.name, examples.size());
      out.print(evaluation.toTable());
      disagreements(agreement, texts, "coded", "given");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Compares two codings of the same contributions, joined by id.
   *
   * @param first the first coding (JSON Lines with id and kind, or a document)
   * @param second the second coding
   * @param stdin standard input, read when one of them is {@code -}
   * @return the exit code
   */
  int againstCoder(Path first, Path second, InputStream stdin) {
    CodedSource a = CodedSource.read(first, stdin, true);
    CodedSource b = CodedSource.read(second, stdin, true);
    Map<String, CodedSource.Item> byId = new LinkedHashMap<>();
    b.items.forEach(item -> byId.put(item.id, item));
    List<CodedPair> pairs = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (CodedSource.Item item : a.items) {
      CodedSource.Item other = byId.remove(item.id);
      if (other == null) {
        continue;
      }
      if (item.text != null && other.text != null && !item.text.equals(other.text)) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT,
            a.name
                + " and "
                + b.name
                + " give different texts for id \""
                + item.id
                + "\": they do not code the same contributions");
      }
      pairs.add(CodedPair.builder().id(item.id).first(item.kind).second(other.kind).build());
      @Nullable String text = item.text != null ? item.text : other.text;
      if (text != null) {
        texts.put(item.id, text);
      }
    }
    if (pairs.isEmpty()) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          a.name + " and " + b.name + " have no coded contribution with the same id to compare");
    }
    int onlyFirst = a.items.size() - pairs.size();
    int onlySecond = byId.size();
    CodingAgreement agreement = CodingAgreement.of(pairs);
    if (format == ReportFormat.json) {
      out.println(JsonLines.line(report(a.name, b.name, agreement, texts, onlyFirst, onlySecond)));
    } else {
      out.printf(
          "%s against %s: %d contributions coded in both (%d only in the first, %d only in the second)%n%n",
          a.name, b.name, pairs.size(), onlyFirst, onlySecond);
      out.print(agreement.toTable(a.name, b.name));
      disagreements(agreement, texts, "first", "second");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void disagreements(
      CodingAgreement agreement, Map<String, String> texts, String first, String second) {
    List<CodedPair> disagreements = agreement.disagreements();
    out.printf(
        "%n%d disagreement%s (id: %s -> %s)%n",
        disagreements.size(), disagreements.size() == 1 ? "" : "s", first, second);
    for (CodedPair pair : disagreements) {
      String text = texts.get(pair.id());
      out.printf(
          "  %s: %s -> %s%s%n",
          pair.id(),
          pair.first(),
          pair.second(),
          text == null ? "" : "  " + text.replaceAll("\\s+", " "));
    }
  }

  private static ObjectNode report(
      String first,
      String second,
      CodingAgreement agreement,
      Map<String, String> texts,
      int onlyFirst,
      int onlySecond) {
    ObjectNode report = JsonLines.object();
    report.put("first", first);
    report.put("second", second);
    report.put("compared", agreement.total());
    report.put("only_first", onlyFirst);
    report.put("only_second", onlySecond);
    number(report, "observed_agreement", agreement.observed());
    number(report, "expected_agreement", agreement.expected());
    number(report, "kappa", agreement.kappa());
    ObjectNode confusion = report.putObject("confusion");
    ObjectNode kinds = report.putObject("kinds");
    for (ContributionKind row : ContributionKind.values()) {
      ObjectNode cells = confusion.putObject(row.name());
      for (ContributionKind column : ContributionKind.values()) {
        cells.put(column.name(), agreement.count(row, column));
      }
      ObjectNode kind = kinds.putObject(row.name());
      kind.put("first", agreement.firstCount(row));
      kind.put("second", agreement.secondCount(row));
      number(kind, "agreement", agreement.agreement(row));
    }
    ArrayNode disagreements = report.putArray("disagreements");
    for (CodedPair pair : agreement.disagreements()) {
      ObjectNode line = disagreements.addObject();
      line.put("id", pair.id());
      line.put("first", pair.first().name());
      line.put("second", pair.second().name());
      String text = texts.get(pair.id());
      if (text != null) {
        line.put("text", text);
      }
    }
    return report;
  }

  /** A number, or null where it is undefined (JSON has no NaN). */
  private static void number(ObjectNode object, String field, double value) {
    if (Double.isNaN(value)) {
      object.putNull(field);
    } else {
      object.put(field, value);
    }
  }
}
