package org.balint.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.method.Protocol;
import org.balint.method.Protocols;
import org.balint.method.ValidationReport;
import org.balint.session.GroupRecord;

/**
 * Writes a self-contained HTML report of groups' sessions: one page with its styles and charts
 * inside it, which fetches nothing and runs no script.
 *
 * <p>Per session: the phases against the protocol's plan, who spoke and who stayed silent, the
 * kinds of contribution per phase (coded and classified told apart), the breaches of the method in
 * time order with the words that broke it and what the method asks instead, and the fidelity index;
 * per group: attendance, the kinds and fidelity over time, and who presented which case. Every text
 * from a document is escaped; the page's content security policy forbids scripts and any fetch as a
 * second line of defence.
 *
 * <pre>{@code
 * HtmlReport report = HtmlReport.builder().protocol(Protocols.standard()).build();
 * String html = report.render(List.of(record));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HtmlReport {
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("org/balint/report").compile("report.mustache");
  private static final String CSS = resource("report.css");

  private final Protocol protocol;
  private final ContributionClassifier classifier;

  private HtmlReport(Builder builder) {
    this.protocol = builder.protocol;
    this.classifier = builder.classifier;
  }

  /**
   * Starts a report with the standard protocol and the default classifier.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders the report of some documents.
   *
   * @param records the documents, one section each, in order
   * @return the HTML page
   * @throws IllegalArgumentException if there are no documents
   */
  public String render(List<GroupRecord> records) {
    StringWriter out = new StringWriter();
    try {
      write(records, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the report of some documents.
   *
   * @param records the documents, one section each, in order
   * @param out where the HTML page goes (not closed)
   * @return the validation report of each document, as the page shows it, in order
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if there are no documents
   */
  public ImmutableList<ValidationReport> write(List<GroupRecord> records, Writer out)
      throws IOException {
    checkNotNull(records, "records");
    checkNotNull(out, "out");
    checkArgument(!records.isEmpty(), "records must not be empty");
    ImmutableList<ValidationReport> reports =
        records.stream()
            .map(record -> protocol.validate(record, classifier))
            .collect(ImmutableList.toImmutableList());
    Page page =
        new ReportModel(protocol, classifier).page(ImmutableList.copyOf(records), reports, CSS);
    TEMPLATE.execute(out, page);
    out.flush();
    return reports;
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report's " + name + " is missing from the library");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds an {@link HtmlReport}. */
  public static final class Builder {
    private Protocol protocol = Protocols.standard();
    private ContributionClassifier classifier = ContributionClassifiers.defaultClassifier();

    private Builder() {}

    /**
     * Sets the protocol sessions are checked against and whose phase plan the timeline shows.
     *
     * @param protocol the protocol; {@code balint-standard} by default
     * @return this builder
     */
    public Builder protocol(Protocol protocol) {
      this.protocol = checkNotNull(protocol, "protocol");
      return this;
    }

    /**
     * Sets the classifier that decides contributions without a coded kind.
     *
     * @param classifier the classifier; the library's default by default
     * @return this builder
     */
    public Builder classifier(ContributionClassifier classifier) {
      this.classifier = checkNotNull(classifier, "classifier");
      return this;
    }

    /**
     * Builds the report writer.
     *
     * @return the report writer
     */
    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
