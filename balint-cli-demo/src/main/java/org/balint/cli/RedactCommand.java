package org.balint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import org.balint.json.BalintJson;
import org.balint.privacy.Identifier;
import org.balint.privacy.Redaction;
import org.balint.privacy.Redactor;
import org.balint.session.GroupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint redact [FILE] [--format text|json] [--document]}: replaces each patient identifier
 * with a typed placeholder such as {@code [NHS-NUMBER]}.
 *
 * <p>Reads JSON Lines with {@code text} (from FILE or standard input) one line at a time and
 * writes, per line, the redacted text, or with {@code --format json} {@code {"text", "identifiers":
 * [{"type", "start", "end"}]}} where the spans index the original text. With {@code --document} it
 * reads a {@code balint/1} document and writes it with its case titles and contributions redacted.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description =
        "Replace patient identifiers with typed placeholders ([NHS-NUMBER], [NAME], [POSTCODE]...)."
            + " Reads JSON Lines with text, or with --document a balint/1 document, from FILE or standard input.")
final class RedactCommand implements Callable<Integer> {
  private static final Set<String> FIELDS = Set.of("text", "phase", "role", "kind");

  @Spec private CommandSpec spec;

  @Mixin private InputSource input;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (the redacted text, one a line) or json.")
  private ReportFormat format;

  @Option(names = "--document", description = "Read a balint/1 document and write it redacted.")
  private boolean document;

  @Mixin private DocumentSizeOption size;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Redactor redactor = Redactor.standard();
    if (document) {
      GroupRecord record =
          DocumentFiles.read(input.file(), BalintCommand.root(spec).stdin(), size.reader());
      out.print(BalintJson.write(redactor.redact(record)));
      out.flush();
      return ExitCodes.OK;
    }
    try (JsonLinesInput lines =
        JsonLinesInput.open(input.file(), BalintCommand.root(spec).stdin(), FIELDS)) {
      for (JsonLinesInput.Line line : lines.lines()) {
        Redaction redaction = redactor.redact(lines.requiredText(line, "text"));
        out.println(format == ReportFormat.json ? toJson(redaction) : redaction.text());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String toJson(Redaction redaction) {
    ObjectNode line = JsonLines.object();
    line.put("text", redaction.text());
    ArrayNode identifiers = line.putArray("identifiers");
    for (Identifier identifier : redaction.identifiers()) {
      identifiers
          .addObject()
          .put("type", identifier.type().name())
          .put("start", identifier.start())
          .put("end", identifier.end());
    }
    return JsonLines.line(line);
  }
}
