package org.balint.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;
import org.balint.group.Member;
import org.balint.group.Profession;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;

/**
 * One strict walk over one {@code balint/1} document with Jackson's streaming parser.
 *
 * <p>What is about JSON is checked here, where it is read: types, unknown, repeated and missing
 * fields, enum spellings, instants and dates, U+0000 in a string. What makes a value consistent (an
 * id's shape, a text's length, unique ids, times in order, case indexes) is checked by core's types
 * as each object is built; their refusal names the field, and is reported with the JSON path of the
 * object. The first problem ends the walk with a {@link BalintFormatException}. Paths ({@link
 * JsonPath}) and message text are spelled out only for that problem, so a valid document costs
 * little more than Jackson's own parse. The bytes are checked to be well-formed UTF-8 first ({@link
 * StrictUtf8}): Jackson accepts overlong forms, and can take a field name with a stray byte for a
 * name it has seen before.
 */
final class DocumentReader implements ExtensionsCopy.Tokens {
  static final String FORMAT = "balint/1";

  private static final JsonFactory COMPACT = new JsonFactory();
  private static final Fields ROOT_FIELDS =
      new Fields(List.of("format", "group", "sessions"), List.of());
  private static final Fields GROUP_FIELDS =
      new Fields(List.of("id", "name", "leaders", "members"), List.of());
  private static final Fields LEADER_FIELDS =
      new Fields(List.of("id", "name", "profession", "training"), List.of("joined", "left"));
  private static final Fields MEMBER_FIELDS =
      new Fields(List.of("id", "name", "profession"), List.of("joined", "left"));
  private static final Fields SESSION_FIELDS =
      new Fields(
          List.of("id", "start", "present", "cases", "contributions"),
          List.of("end", "mode", "recording"));
  private static final Fields RECORDING_FIELDS =
      new Fields(List.of("purpose", "consent"), List.of());
  private static final Fields CASE_FIELDS = new Fields(List.of("presenter", "title"), List.of());
  private static final Fields CONTRIBUTION_FIELDS =
      new Fields(List.of("speaker", "phase", "text"), List.of("at", "kind", "case"));

  private static final EnumValues<Profession> PROFESSIONS = EnumValues.of(Profession.class);
  private static final EnumValues<LeaderTraining> TRAININGS = EnumValues.of(LeaderTraining.class);
  private static final EnumValues<SessionMode> MODES = EnumValues.of(SessionMode.class);
  private static final EnumValues<RecordingPurpose> PURPOSES =
      EnumValues.of(RecordingPurpose.class);
  private static final EnumValues<Phase> PHASES = EnumValues.of(Phase.class);
  private static final EnumValues<ContributionKind> KINDS = EnumValues.of(ContributionKind.class);

  /** The fields an object may hold: required, optional, and always {@code extensions}. */
  private static final class Fields {
    final List<String> required;
    final ImmutableMap<String, Integer> indexes;
    final String allowedList;

    Fields(List<String> required, List<String> optional) {
      this.required = required;
      List<String> all = new ArrayList<>(required);
      all.addAll(optional);
      all.add("extensions");
      ImmutableMap.Builder<String, Integer> indexes = ImmutableMap.builder();
      for (int i = 0; i < all.size(); i++) {
        indexes.put(all.get(i), i);
      }
      this.indexes = indexes.build();
      this.allowedList = String.join(", ", all);
    }
  }

  /**
   * The fields of one object, read in a loop: {@code while (fields.next()) switch (fields.name())
   * ...}. Each field name is checked (known, not repeated) and the parser moved to its value; at
   * the end of the object the required fields are checked.
   */
  private final class ObjectFields {
    private final JsonPath path;
    private final Fields fields;
    private final long start;
    private int seen;
    private String name = "";
    private JsonPath fieldPath = JsonPath.ROOT;

    ObjectFields(JsonPath path, Fields fields) {
      expectObject(path);
      this.path = path;
      this.fields = fields;
      this.start = tokenOffset();
    }

    /** Moves to the next field's value; false at the end of the object. */
    boolean next() {
      if (DocumentReader.this.next(path) == JsonToken.END_OBJECT) {
        requireAll();
        return false;
      }
      name = DocumentReader.this.name(path);
      fieldPath = path.field(name);
      Integer index = fields.indexes.get(name);
      if (index == null) {
        throw problem(
            fieldPath,
            "unknown field " + JsonPaths.quoted(name) + " (allowed: " + fields.allowedList + ")");
      }
      if ((seen & (1 << index)) != 0) {
        throw problem(fieldPath, "duplicate field " + JsonPaths.quoted(name));
      }
      seen |= 1 << index;
      DocumentReader.this.next(fieldPath);
      return true;
    }

    String name() {
      return name;
    }

    JsonPath path() {
      return fieldPath;
    }

    /**
     * Builds the object read. A check of core's that refuses it (an id, a length, an order, a
     * repeat) becomes the problem of this object's path, at the line and column where it starts;
     * core's message names the field.
     */
    <T> T build(Supplier<T> builder) {
      try {
        return builder.get();
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        throw problem(path, start, JacksonMessages.firstLine(String.valueOf(e.getMessage())));
      }
    }

    private void requireAll() {
      for (int i = 0; i < fields.required.size(); i++) {
        if ((seen & (1 << i)) == 0) {
          String required = fields.required.get(i);
          throw problem(
              path.field(required), start, "missing required field " + JsonPaths.quoted(required));
        }
      }
    }
  }

  /** The elements of one array, read in a loop: {@code while (elements.next()) ...}. */
  private final class ArrayElements {
    private final JsonPath path;
    private int index = -1;
    private JsonPath elementPath = JsonPath.ROOT;

    ArrayElements(JsonPath path) {
      expect(path, JsonToken.START_ARRAY, "an array");
      this.path = path;
    }

    /** Moves to the next element's first token; false at the end of the array. */
    boolean next() {
      index++;
      elementPath = path.element(index);
      return DocumentReader.this.next(elementPath) != JsonToken.END_ARRAY;
    }

    JsonPath path() {
      return elementPath;
    }
  }

  private final byte[] bytes;
  private final DocumentPositions positions;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final JsonParser parser;

  /** The offset of the first byte that is not well-formed UTF-8, or -1. */
  private final int invalidUtf8;

  /**
   * Creates the Jackson factory for documents read under these limits. Nesting is checked by this
   * reader with a path in the message; Jackson's own check is one level further, a safety net.
   * String lengths are checked here too; the document size bounds them for Jackson.
   */
  static JsonFactory factory(int maxNestingDepth) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth + 1)
                .maxStringLength(Integer.MAX_VALUE)
                .maxDocumentLength(-1)
                .build())
        .build();
  }

  DocumentReader(byte[] bytes, JsonFactory factory, int maxNestingDepth, int maxStringLength) {
    this.bytes = bytes;
    this.positions = new DocumentPositions(bytes);
    this.maxNestingDepth = maxNestingDepth;
    this.maxStringLength = maxStringLength;
    this.invalidUtf8 = StrictUtf8.firstInvalid(bytes);
    try {
      this.parser = factory.createParser(bytes);
    } catch (IOException e) {
      throw syntaxError(JsonPath.ROOT, e);
    }
  }

  GroupRecord read() {
    try (parser) {
      refuseOtherEncodings();
      JsonToken first = next(JsonPath.ROOT);
      if (first == null) {
        throw problem(JsonPath.ROOT, "the document is empty");
      }
      GroupRecord record = readRecord(JsonPath.ROOT);
      long end = parser.currentLocation().getByteOffset();
      JsonToken after;
      try {
        after = parser.nextToken();
      } catch (IOException e) {
        after = JsonToken.NOT_AVAILABLE;
      }
      if (after != null) {
        long garbage = positions.skipWhitespace(end);
        throw new BalintFormatException(
            JsonPaths.ROOT,
            "unexpected content after the end of the document",
            positions.lineOf(garbage),
            positions.columnOf(garbage),
            true,
            null);
      }
      if (invalidUtf8 >= 0) {
        throw invalidUtf8(JsonPath.ROOT);
      }
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refuseOtherEncodings() {
    boolean utf16Or32 = bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0);
    boolean otherBom =
        bytes.length >= 2
            && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    if (utf16Or32 || otherBom) {
      throw new BalintFormatException(
          JsonPaths.ROOT,
          "the document is not in UTF-8 (it looks like UTF-16 or UTF-32)",
          1,
          1,
          true,
          null);
    }
  }

  // ---- the format -------------------------------------------------------------------------

  private GroupRecord readRecord(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, ROOT_FIELDS);
    GroupRecord.Builder record = GroupRecord.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "format":
          String format = string(fieldPath);
          if (!format.equals(FORMAT)) {
            throw problem(
                fieldPath, "expected \"" + FORMAT + "\" but was " + JsonPaths.quoted(format));
          }
          break;
        case "group":
          record.group(readGroup(fieldPath));
          break;
        case "sessions":
          for (ArrayElements sessions = new ArrayElements(fieldPath); sessions.next(); ) {
            record.addSession(readSession(sessions.path()));
          }
          break;
        default:
          record.extensions(extensions(fieldPath));
      }
    }
    return fields.build(record::build);
  }

  private Group readGroup(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, GROUP_FIELDS);
    Group.Builder group = Group.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          group.id(string(fieldPath));
          break;
        case "name":
          group.name(string(fieldPath));
          break;
        case "leaders":
          for (ArrayElements leaders = new ArrayElements(fieldPath); leaders.next(); ) {
            group.addLeader(readLeader(leaders.path()));
          }
          break;
        case "members":
          for (ArrayElements members = new ArrayElements(fieldPath); members.next(); ) {
            group.addMember(readMember(members.path()));
          }
          break;
        default:
          group.extensions(extensions(fieldPath));
      }
    }
    return fields.build(group::build);
  }

  private Leader readLeader(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, LEADER_FIELDS);
    Leader.Builder leader = Leader.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          leader.id(string(fieldPath));
          break;
        case "name":
          leader.name(string(fieldPath));
          break;
        case "profession":
          leader.profession(enumValue(fieldPath, PROFESSIONS));
          break;
        case "training":
          leader.training(enumValue(fieldPath, TRAININGS));
          break;
        case "joined":
          leader.joined(date(fieldPath));
          break;
        case "left":
          leader.left(date(fieldPath));
          break;
        default:
          leader.extensions(extensions(fieldPath));
      }
    }
    return fields.build(leader::build);
  }

  private Member readMember(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, MEMBER_FIELDS);
    Member.Builder member = Member.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          member.id(string(fieldPath));
          break;
        case "name":
          member.name(string(fieldPath));
          break;
        case "profession":
          member.profession(enumValue(fieldPath, PROFESSIONS));
          break;
        case "joined":
          member.joined(date(fieldPath));
          break;
        case "left":
          member.left(date(fieldPath));
          break;
        default:
          member.extensions(extensions(fieldPath));
      }
    }
    return fields.build(member::build);
  }

  private Session readSession(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, SESSION_FIELDS);
    Session.Builder session = Session.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          session.id(string(fieldPath));
          break;
        case "start":
          session.start(instant(fieldPath));
          break;
        case "end":
          session.end(instant(fieldPath));
          break;
        case "mode":
          session.mode(enumValue(fieldPath, MODES));
          break;
        case "present":
          session.present(strings(fieldPath));
          break;
        case "recording":
          session.recording(readRecording(fieldPath));
          break;
        case "cases":
          for (ArrayElements cases = new ArrayElements(fieldPath); cases.next(); ) {
            session.addCase(readCase(cases.path()));
          }
          break;
        case "contributions":
          for (ArrayElements elements = new ArrayElements(fieldPath); elements.next(); ) {
            session.addContribution(readContribution(elements.path()));
          }
          break;
        default:
          session.extensions(extensions(fieldPath));
      }
    }
    return fields.build(session::build);
  }

  private Recording readRecording(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, RECORDING_FIELDS);
    Recording.Builder recording = Recording.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "purpose":
          recording.purpose(enumValue(fieldPath, PURPOSES));
          break;
        case "consent":
          recording.consent(strings(fieldPath));
          break;
        default:
          recording.extensions(extensions(fieldPath));
      }
    }
    return fields.build(recording::build);
  }

  private Case readCase(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, CASE_FIELDS);
    Case.Builder presented = Case.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "presenter":
          presented.presenter(string(fieldPath));
          break;
        case "title":
          presented.title(string(fieldPath));
          break;
        default:
          presented.extensions(extensions(fieldPath));
      }
    }
    return fields.build(presented::build);
  }

  private Contribution readContribution(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, CONTRIBUTION_FIELDS);
    Contribution.Builder contribution = Contribution.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "at":
          contribution.at(instant(fieldPath));
          break;
        case "speaker":
          contribution.speaker(string(fieldPath));
          break;
        case "phase":
          contribution.phase(enumValue(fieldPath, PHASES));
          break;
        case "text":
          contribution.text(string(fieldPath));
          break;
        case "kind":
          contribution.kind(enumValue(fieldPath, KINDS));
          break;
        case "case":
          contribution.caseIndex(integer(fieldPath));
          break;
        default:
          contribution.extensions(extensions(fieldPath));
      }
    }
    return fields.build(contribution::build);
  }

  // ---- values -----------------------------------------------------------------------------

  private void expectObject(JsonPath path) {
    expect(path, JsonToken.START_OBJECT, "an object");
  }

  private void expect(JsonPath path, JsonToken token, String description) {
    if (parser.currentToken() != token) {
      throw problem(path, "expected " + description + " but was " + describeCurrent(path));
    }
  }

  /** A string value of the format (not of extensions): it may not hold U+0000 (docs/format.md). */
  private String string(JsonPath path) {
    expect(path, JsonToken.VALUE_STRING, "a string");
    String text = text(path);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw problem(
          path, "the string holds U+0000 at character " + nul + ", which a text may not hold");
    }
    return text;
  }

  /** An array of strings of the format, such as the ids of {@code present}. */
  private ImmutableList<String> strings(JsonPath path) {
    ImmutableList.Builder<String> strings = ImmutableList.builder();
    for (ArrayElements elements = new ArrayElements(path); elements.next(); ) {
      strings.add(string(elements.path()));
    }
    return strings.build();
  }

  private <E extends Enum<E>> E enumValue(JsonPath path, EnumValues<E> values) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw problem(
          path, "expected one of " + values.allowed() + " but was " + describeCurrent(path));
    }
    String value = text(path);
    E constant = values.get(value);
    if (constant == null) {
      throw problem(
          path, "expected one of " + values.allowed() + " but was " + JsonPaths.quoted(value));
    }
    return constant;
  }

  private Instant instant(JsonPath path) {
    String value = string(path);
    try {
      return IsoInstants.parse(value);
    } catch (DateTimeException e) {
      throw problem(
          path,
          "expected an ISO-8601 instant with an offset, such as \"2026-11-20T18:00:00Z\", but was "
              + JsonPaths.quoted(value));
    }
  }

  private LocalDate date(JsonPath path) {
    String value = string(path);
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      throw problem(
          path,
          "expected an ISO-8601 date, such as \"2025-09-01\", but was " + JsonPaths.quoted(value));
    }
  }

  /** An integer that fits an {@code int}; whether it is in range is for core's checks to say. */
  private int integer(JsonPath path) {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw problem(path, "expected an integer of at least 0 but was " + describeCurrent(path));
    }
    String digits = text(path);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw problem(path, "expected an integer of at least 0 but was " + digits);
    }
  }

  private Optional<Extensions> extensions(JsonPath path) {
    expectObject(path);
    StringWriter compact = new StringWriter();
    try (JsonGenerator out = COMPACT.createGenerator(compact)) {
      ExtensionsCopy.copyObject(this, out, path.toString(), maxNestingDepth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(Extensions.ofJson(compact.toString()));
  }

  private String describeCurrent(JsonPath path) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of the document";
    }
    switch (token) {
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_STRING:
        return "a string " + JsonPaths.quoted(text(path));
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number " + text(path);
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      default:
        return token.asString() == null ? token.name() : token.asString();
    }
  }

  // ---- tokens, with every Jackson failure turned into a BalintFormatException --------------

  private JsonToken next(JsonPath path) {
    try {
      return parser.nextToken();
    } catch (IOException e) {
      throw syntaxError(path, e);
    }
  }

  private String name(JsonPath path) {
    String name;
    try {
      name = parser.currentName();
    } catch (IOException e) {
      throw syntaxError(path, e);
    }
    return unicodeText(path, name);
  }

  private String text(JsonPath path) {
    String text;
    try {
      text = parser.getText();
    } catch (IOException e) {
      throw syntaxError(path, e);
    }
    if (text.length() > maxStringLength) {
      throw problem(
          path, "the string is longer than the limit of " + maxStringLength + " characters");
    }
    return unicodeText(path, text);
  }

  @Override
  public JsonToken next(String path) {
    return next(JsonPath.spelled(path));
  }

  @Override
  public String name(String path) {
    return name(JsonPath.spelled(path));
  }

  @Override
  public String text(String path) {
    return text(JsonPath.spelled(path));
  }

  /**
   * Refuses a string or name that holds bytes that are not well-formed UTF-8 (which Jackson may
   * have decoded anyway) or an unpaired surrogate (which could not be written back as UTF-8).
   */
  private String unicodeText(JsonPath path, String text) {
    if (invalidUtf8 >= 0 && parser.currentLocation().getByteOffset() > invalidUtf8) {
      throw invalidUtf8(path);
    }
    int unpaired = unpairedSurrogate(text);
    if (unpaired >= 0) {
      throw problem(
          path,
          String.format(
              Locale.ROOT,
              "the string holds an unpaired surrogate U+%04X at character %d, which is not Unicode"
                  + " text",
              (int) text.charAt(unpaired),
              unpaired));
    }
    return text;
  }

  private BalintFormatException invalidUtf8(JsonPath path) {
    return new BalintFormatException(
        path.toString(),
        StrictUtf8.describe(bytes, invalidUtf8),
        positions.lineOf(invalidUtf8),
        positions.columnOf(invalidUtf8),
        true,
        null);
  }

  /** The index of the first unpaired surrogate of {@code text}, or -1. */
  private static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int depth() {
    return parser.getParsingContext().getNestingDepth();
  }

  @Override
  public RuntimeException problem(String path, String problem) {
    return problem(JsonPath.spelled(path), problem);
  }

  private BalintFormatException problem(JsonPath path, String problem) {
    return problem(path, tokenOffset(), problem);
  }

  private BalintFormatException problem(JsonPath path, long offset, String problem) {
    return new BalintFormatException(
        path.toString(),
        problem,
        positions.lineOf(offset),
        positions.columnOf(offset),
        false,
        null);
  }

  /**
   * The byte offset of the current token. Jackson's byte parsers keep it as a number, one past the
   * token's first byte ({@code currentTokenLocation()} subtracts the one, and would build a
   * location object for every object read); a field name's offset is kept apart, and asked for only
   * on error.
   */
  private long tokenOffset() {
    return parser instanceof ParserBase && parser.currentToken() != JsonToken.FIELD_NAME
        ? ((ParserBase) parser).getTokenCharacterOffset() - 1
        : parser.currentTokenLocation().getByteOffset();
  }

  private BalintFormatException syntaxError(JsonPath path, IOException e) {
    if (!(e instanceof JsonProcessingException)) {
      throw new UncheckedIOException(e);
    }
    JsonProcessingException jsonProblem = (JsonProcessingException) e;
    JsonLocation location = jsonProblem.getLocation();
    long offset = location == null ? -1 : location.getByteOffset();
    int line =
        offset >= 0
            ? positions.lineOf(offset)
            : location == null ? 0 : Math.max(0, location.getLineNr());
    int column =
        offset >= 0
            ? positions.columnOf(offset)
            : location == null ? 0 : Math.max(0, location.getColumnNr());
    String problem = JacksonMessages.describe(jsonProblem, offset);
    return new BalintFormatException(path.toString(), problem, line, column, true, e);
  }
}
