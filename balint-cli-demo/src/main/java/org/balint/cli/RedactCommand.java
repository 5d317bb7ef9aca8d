package org.balint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.balint.json.BalintFormatException;
import org.balint.json.BalintJson;
import org.balint.privacy.Identifier;
import org.balint.privacy.Redaction;
import org.balint.privacy.Redactor;
import org.balint.session.GroupRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint redact [FILE] [--format text|json] [--document]}: replaces each patient identifier
 * with a typed placeholder such as {@code [NHS-NUMBER]}.
 *
 * <p>Reads JSON Lines with {@code text} (from FILE or standard input) and writes, per line, the
 * redacted text, or with {@code --format json} {@code {"text", "identifiers": [{"type", "start",
 * "end"}]}} where the spans index the original text. With {@code --document} it reads a {@code
 * balint/1} document and writes it with its case titles and contributions redacted.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Replace patient identifiers with typed placeholders ([NHS-NUMBER], [NAME], [POSTCODE]...).",
      "Reads JSON Lines with text, or with --document a balint/1 document, from FILE or standard input."
    })
final class RedactCommand implements Callable<Integer> {
  private static final Set<String> FIELDS = Set.of("text", "phase", "role", "kind");

  @Spec private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The input (default: standard input).")
  private @Nullable Path file;

  @Option(names = "--format", defaultValue = "text", description = "text (the redacted text, one a line) or json.")
  private ReportFormat format;

  @Option(names = "--document", description = "Read a balint/1 document and write it redacted.")
  private boolean document;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Redactor redactor = Redactor.standard();
    if (document) {
      GroupRecord record = readDocument();
      out.print(BalintJson.write(redactor.redact(record)));
      out.flush();
      return ExitCodes.OK;
    }
    JsonLinesInput input = JsonLinesInput.read(file, BalintCommand.root(spec).stdin(), FIELDS);
    List<Redaction> redactions = new ArrayList<>();
    for (JsonLinesInput.Line line : input.lines()) {
      redactions.add(redactor.redact(input.requiredText(line, "text")));
    }
    ObjectMapper mapper = new ObjectMapper();
    for (Redaction redaction : redactions) {
      out.println(format == ReportFormat.json ? toJson(mapper, redaction) : redaction.text());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private GroupRecord readDocument() {
    String source = file == null || file.toString().equals("-") ? "<stdin>" : file.toString();
    try (InputStream in = source.equals("<stdin>") ? BalintCommand.root(spec).stdin() : Files.newInputStream(file)) {
      return BalintJson.read(in);
    } catch (BalintFormatException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": no such file", e);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.BAD_INPUT, source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String toJson(ObjectMapper mapper, Redaction redaction) {
    ObjectNode line = mapper.createObjectNode();
    line.put("text", redaction.text());
    ArrayNode identifiers = line.putArray("identifiers");
    for (Identifier identifier : redaction.identifiers()) {
      identifiers.addObject()
          .put("type", identifier.type().name())
          .put("start", identifier.start())
          .put("end", identifier.end());
    }
    try {
      return mapper.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
