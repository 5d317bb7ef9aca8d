package org.balint.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Person;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Recording;
import org.balint.session.Session;

/**
 * Writes one {@link GroupRecord} as a pretty-printed {@code balint/1} document, fields in the order
 * of the format's description.
 */
final class DocumentWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator out;

  private DocumentWriter(JsonGenerator out) {
    this.out = out;
  }

  static String write(GroupRecord record) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      out.setPrettyPrinter(prettyPrinter());
      new DocumentWriter(out).record(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  static byte[] writeUtf8(GroupRecord record) {
    String document = write(record);
    try {
      ByteBuffer bytes =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(document));
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      return array;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "the record holds text that is not valid Unicode (an unpaired surrogate)", e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  private void record(GroupRecord record) throws IOException {
    out.writeStartObject();
    out.writeStringField("format", DocumentReader.FORMAT);
    out.writeFieldName("group");
    group(record.group());
    out.writeArrayFieldStart("sessions");
    JsonPath sessions = JsonPath.ROOT.field("sessions");
    for (int i = 0; i < record.sessions().size(); i++) {
      session(record.sessions().get(i), sessions.element(i));
    }
    out.writeEndArray();
    extensions(record.extensions(), JsonPath.ROOT);
    out.writeEndObject();
  }

  private void group(Group group) throws IOException {
    JsonPath path = JsonPath.ROOT.field("group");
    out.writeStartObject();
    out.writeStringField("id", group.id());
    out.writeStringField("name", group.name());
    out.writeArrayFieldStart("leaders");
    for (int i = 0; i < group.leaders().size(); i++) {
      person(group.leaders().get(i), path.field("leaders").element(i));
    }
    out.writeEndArray();
    out.writeArrayFieldStart("members");
    for (int i = 0; i < group.members().size(); i++) {
      person(group.members().get(i), path.field("members").element(i));
    }
    out.writeEndArray();
    extensions(group.extensions(), path);
    out.writeEndObject();
  }

  /** Writes a leader or a member: the same fields, and a leader's training after the profession. */
  private void person(Person person, JsonPath path) throws IOException {
    out.writeStartObject();
    out.writeStringField("id", person.id());
    out.writeStringField("name", person.name());
    out.writeStringField("profession", person.profession().name());
    if (person instanceof Leader) {
      out.writeStringField("training", ((Leader) person).training().name());
    }
    if (person.joined().isPresent()) {
      out.writeStringField("joined", person.joined().get().toString());
    }
    if (person.left().isPresent()) {
      out.writeStringField("left", person.left().get().toString());
    }
    extensions(person.extensions(), path);
    out.writeEndObject();
  }

  private void session(Session session, JsonPath path) throws IOException {
    out.writeStartObject();
    out.writeStringField("id", session.id());
    out.writeStringField("start", session.start().toString());
    if (session.end().isPresent()) {
      out.writeStringField("end", session.end().get().toString());
    }
    if (session.mode().isPresent()) {
      out.writeStringField("mode", session.mode().get().name());
    }
    ids("present", session.present());
    if (session.recording().isPresent()) {
      Recording recording = session.recording().get();
      out.writeObjectFieldStart("recording");
      out.writeStringField("purpose", recording.purpose().name());
      ids("consent", recording.consent());
      extensions(recording.extensions(), path.field("recording"));
      out.writeEndObject();
    }
    out.writeArrayFieldStart("cases");
    for (int i = 0; i < session.cases().size(); i++) {
      Case presented = session.cases().get(i);
      out.writeStartObject();
      out.writeStringField("presenter", presented.presenter());
      out.writeStringField("title", presented.title());
      extensions(presented.extensions(), path.field("cases").element(i));
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeArrayFieldStart("contributions");
    for (int i = 0; i < session.contributions().size(); i++) {
      contribution(session.contributions().get(i), path.field("contributions").element(i));
    }
    out.writeEndArray();
    extensions(session.extensions(), path);
    out.writeEndObject();
  }

  private void contribution(Contribution contribution, JsonPath path) throws IOException {
    out.writeStartObject();
    if (contribution.at().isPresent()) {
      out.writeStringField("at", contribution.at().get().toString());
    }
    out.writeStringField("speaker", contribution.speaker());
    out.writeStringField("phase", contribution.phase().name());
    out.writeStringField("text", contribution.text());
    if (contribution.kind().isPresent()) {
      out.writeStringField("kind", contribution.kind().get().name());
    }
    if (contribution.caseIndex() != 0) {
      out.writeNumberField("case", contribution.caseIndex());
    }
    extensions(contribution.extensions(), path);
    out.writeEndObject();
  }

  private void ids(String field, List<String> ids) throws IOException {
    out.writeArrayFieldStart(field);
    for (String id : ids) {
      out.writeString(id);
    }
    out.writeEndArray();
  }

  /** Writes an extensions object back from its text, refusing text that is not a JSON object. */
  private void extensions(Optional<Extensions> extensions, JsonPath objectPath) throws IOException {
    if (extensions.isEmpty()) {
      return;
    }
    String path = objectPath.field("extensions").toString();
    String json = extensions.get().json();
    out.writeFieldName("extensions");
    try (JsonParser in = FACTORY.createParser(json)) {
      ExtensionTokens tokens = new ExtensionTokens(in, json);
      if (tokens.next(path) != JsonToken.START_OBJECT) {
        throw tokens.problem(path, "not a JSON object");
      }
      ExtensionsCopy.copyObject(tokens, out, path, Integer.MAX_VALUE);
      if (tokens.next(path) != null) {
        throw tokens.problem(path, "unexpected content after the object");
      }
    }
  }

  /** The tokens of an extensions object's text; every problem is the caller's bug. */
  private static final class ExtensionTokens implements ExtensionsCopy.Tokens {
    private final JsonParser in;
    private final String json;

    ExtensionTokens(JsonParser in, String json) {
      this.in = in;
      this.json = json;
    }

    @Override
    public JsonToken next(String path) {
      try {
        return in.nextToken();
      } catch (IOException e) {
        throw problem(path, "malformed JSON");
      }
    }

    @Override
    public String name(String path) {
      try {
        return in.currentName();
      } catch (IOException e) {
        throw problem(path, "malformed JSON");
      }
    }

    @Override
    public String text(String path) {
      try {
        return in.getText();
      } catch (IOException e) {
        throw problem(path, "malformed JSON");
      }
    }

    @Override
    public int depth() {
      return in.getParsingContext().getNestingDepth();
    }

    @Override
    public RuntimeException problem(String path, String problem) {
      return new IllegalArgumentException(
          "extensions at "
              + path
              + " cannot be written: "
              + problem
              + " in "
              + JsonPaths.quoted(json));
    }
  }
}
