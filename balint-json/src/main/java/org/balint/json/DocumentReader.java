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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.balint.Extensions;
import org.balint.Ids;
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
import org.jspecify.annotations.Nullable;

/**
 * One strict walk over one {@code balint/1} document with Jackson's streaming parser.
 *
 * <p>Every value is checked where it is read; checks that span fields (roster ids, case indexes,
 * times) run as soon as what they compare has been read, before any core object is built from it.
 * The first problem ends the walk with a {@link BalintFormatException} naming its JSON path. Paths
 * ({@link JsonPath}) and message text are spelled out only for that problem, so a valid document
 * costs little more than Jackson's own parse. The bytes are checked to be well-formed UTF-8 first
 * ({@link StrictUtf8}): Jackson accepts overlong forms, and can take a field name with a stray
 * byte for a name it has seen before.
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
   * ...}. Each field name is checked (known, not repeated) and the parser moved to its value;
   * at the end of the object the required fields are checked.
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

    int index() {
      return index;
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
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Not expected: every value is checked before core sees it. Still, never let one escape.
      throw new BalintFormatException(
          JsonPaths.ROOT,
          "the document cannot be read: "
              + JacksonMessages.firstLine(String.valueOf(e.getMessage())),
          0,
          0,
          false,
          e);
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
          record.sessions(readSessions(fieldPath));
          break;
        default:
          record.extensions(extensions(fieldPath));
      }
    }
    return build(path, record::build);
  }

  private Group readGroup(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, GROUP_FIELDS);
    Group.Builder group = Group.builder();
    List<Located<String>> roster = new ArrayList<>();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          group.id(id(fieldPath));
          break;
        case "name":
          group.name(string(fieldPath));
          break;
        case "leaders":
          for (ArrayElements leaders = new ArrayElements(fieldPath); leaders.next(); ) {
            group.addLeader(readLeader(leaders.path(), roster));
          }
          break;
        case "members":
          for (ArrayElements members = new ArrayElements(fieldPath); members.next(); ) {
            group.addMember(readMember(members.path(), roster));
          }
          break;
        default:
          group.extensions(extensions(fieldPath));
      }
    }
    Map<String, JsonPath> rosterPaths = new HashMap<>();
    for (Located<String> id : roster) {
      requireFirst(
          rosterPaths, id.value, id.path, id.offset, "; ids must be unique across leaders and members");
    }
    return build(path, group::build);
  }

  private Leader readLeader(JsonPath path, List<Located<String>> roster) {
    ObjectFields fields = new ObjectFields(path, LEADER_FIELDS);
    Leader.Builder leader = Leader.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          leader.id(rosterId(fieldPath, roster));
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
    return build(path, leader::build);
  }

  private Member readMember(JsonPath path, List<Located<String>> roster) {
    ObjectFields fields = new ObjectFields(path, MEMBER_FIELDS);
    Member.Builder member = Member.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          member.id(rosterId(fieldPath, roster));
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
    return build(path, member::build);
  }

  /** Reads the id of a leader or member and notes where it was, for the roster's uniqueness. */
  private String rosterId(JsonPath path, List<Located<String>> roster) {
    long offset = tokenOffset();
    String id = id(path);
    roster.add(new Located<>(path, id, offset));
    return id;
  }

  private List<Session> readSessions(JsonPath path) {
    List<Session> sessions = new ArrayList<>();
    Map<String, JsonPath> idPaths = new HashMap<>();
    for (ArrayElements elements = new ArrayElements(path); elements.next(); ) {
      long offset = tokenOffset();
      Session session = readSession(elements.path());
      requireFirst(
          idPaths,
          session.id(),
          elements.path().field("id"),
          offset,
          "; session ids must be unique");
      sessions.add(session);
    }
    return sessions;
  }

  private Session readSession(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, SESSION_FIELDS);
    long objectOffset = tokenOffset();
    Session.Builder session = Session.builder();
    Instant start = null;
    Instant end = null;
    long endOffset = 0;
    int caseCount = 0;
    Contributions contributions = new Contributions();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "id":
          session.id(id(fieldPath));
          break;
        case "start":
          start = instant(fieldPath);
          session.start(start);
          break;
        case "end":
          endOffset = tokenOffset();
          end = instant(fieldPath);
          session.end(end);
          break;
        case "mode":
          session.mode(enumValue(fieldPath, MODES));
          break;
        case "present":
          session.present(uniqueIds(fieldPath));
          break;
        case "recording":
          session.recording(readRecording(fieldPath));
          break;
        case "cases":
          for (ArrayElements cases = new ArrayElements(fieldPath); cases.next(); ) {
            session.addCase(readCase(cases.path()));
            caseCount++;
          }
          break;
        case "contributions":
          for (ArrayElements elements = new ArrayElements(fieldPath); elements.next(); ) {
            session.addContribution(readContribution(elements.path(), contributions));
          }
          break;
        default:
          session.extensions(extensions(fieldPath));
      }
    }
    if (end != null && start != null && end.isBefore(start)) {
      throw problem(
          path.field("end"), endOffset, "must not be before start (" + start + ") but was " + end);
    }
    if (contributions.count > 0 && caseCount == 0) {
      throw problem(
          path.field("cases"),
          objectOffset,
          "must not be empty when the session has contributions (it has "
              + contributions.count
              + ")");
    }
    for (Located<Integer> caseIndex : contributions.caseIndexes) {
      if (caseIndex.value >= caseCount) {
        throw problem(
            caseIndex.path,
            caseIndex.offset,
            "expected the index of one of the session's "
                + caseCount
                + " cases (0.."
                + (caseCount - 1)
                + ") but was "
                + caseIndex.value);
      }
    }
    return build(path, session::build);
  }

  /** What the contributions of a session read so far tell the checks of the session. */
  private static final class Contributions {
    int count;
    /** The time of the last contribution that has one, and its path. */
    @Nullable Instant lastAt;
    @Nullable JsonPath lastAtPath;
    /** Every {@code case} given, with where it was: the session's cases may come after. */
    final List<Located<Integer>> caseIndexes = new ArrayList<>();
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
          recording.consent(uniqueIds(fieldPath));
          break;
        default:
          recording.extensions(extensions(fieldPath));
      }
    }
    return build(path, recording::build);
  }

  private Case readCase(JsonPath path) {
    ObjectFields fields = new ObjectFields(path, CASE_FIELDS);
    Case.Builder presented = Case.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "presenter":
          presented.presenter(id(fieldPath));
          break;
        case "title":
          presented.title(boundedText(fieldPath, 0));
          break;
        default:
          presented.extensions(extensions(fieldPath));
      }
    }
    return build(path, presented::build);
  }

  /**
   * Reads a contribution, checking its time against the session's contribution before it and
   * noting its case index for the session's check.
   */
  private Contribution readContribution(JsonPath path, Contributions before) {
    ObjectFields fields = new ObjectFields(path, CONTRIBUTION_FIELDS);
    Contribution.Builder contribution = Contribution.builder();
    while (fields.next()) {
      JsonPath fieldPath = fields.path();
      switch (fields.name()) {
        case "at":
          Instant at = instant(fieldPath);
          if (before.lastAt != null && at.isBefore(before.lastAt)) {
            throw problem(
                fieldPath,
                "must not be before the time of "
                    + before.lastAtPath
                    + " ("
                    + before.lastAt
                    + ") but was "
                    + at);
          }
          before.lastAt = at;
          before.lastAtPath = path;
          contribution.at(at);
          break;
        case "speaker":
          contribution.speaker(id(fieldPath));
          break;
        case "phase":
          contribution.phase(enumValue(fieldPath, PHASES));
          break;
        case "text":
          contribution.text(boundedText(fieldPath, 1));
          break;
        case "kind":
          contribution.kind(enumValue(fieldPath, KINDS));
          break;
        case "case":
          long offset = tokenOffset();
          int caseIndex = nonNegativeInteger(fieldPath);
          before.caseIndexes.add(new Located<>(fieldPath, caseIndex, offset));
          contribution.caseIndex(caseIndex);
          break;
        default:
          contribution.extensions(extensions(fieldPath));
      }
    }
    before.count++;
    return build(path, contribution::build);
  }

  /** A value read earlier, with where it was: for checks that span fields. */
  private static final class Located<T> {
    final JsonPath path;
    final T value;
    final long offset;

    Located(JsonPath path, T value, long offset) {
      this.path = path;
      this.value = value;
      this.offset = offset;
    }
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

  /** A string value of the format (not of extensions): it may not hold U+0000 (SPEC section 2). */
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

  /** A string of {@code minCodePoints}..10,000 code points. */
  private String boundedText(JsonPath path, int minCodePoints) {
    String text = string(path);
    int length =
        text.length() <= Contribution.MAX_TEXT_LENGTH && text.length() >= minCodePoints
            ? -1
            : text.codePointCount(0, text.length());
    if (length >= 0 && (length < minCodePoints || length > Contribution.MAX_TEXT_LENGTH)) {
      throw problem(
          path,
          "expected "
              + minCodePoints
              + "-"
              + Contribution.MAX_TEXT_LENGTH
              + " characters but has "
              + length);
    }
    return text;
  }

  private String id(JsonPath path) {
    String id = string(path);
    if (!Ids.isWellFormed(id)) {
      throw problem(
          path,
          "expected an id of 1-"
              + Ids.MAX_LENGTH
              + " characters of [A-Za-z0-9._-] but was "
              + JsonPaths.quoted(id));
    }
    return id;
  }

  private ImmutableList<String> uniqueIds(JsonPath path) {
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    Map<String, JsonPath> idPaths = new HashMap<>();
    for (ArrayElements elements = new ArrayElements(path); elements.next(); ) {
      String id = id(elements.path());
      JsonPath earlier = idPaths.putIfAbsent(id, elements.path());
      if (earlier != null) {
        throw problem(elements.path(), JsonPaths.quoted(id) + " repeats " + earlier);
      }
      ids.add(id);
    }
    return ids.build();
  }

  /**
   * Notes that {@code id} was found at {@code path}, refusing it if it was found before.
   *
   * @param seen the ids found so far in the scope, with their paths
   * @param rule what the message adds after naming the earlier place
   */
  private void requireFirst(
      Map<String, JsonPath> seen, String id, JsonPath path, long offset, String rule) {
    JsonPath earlier = seen.putIfAbsent(id, path);
    if (earlier != null) {
      throw problem(path, offset, JsonPaths.quoted(id) + " repeats " + earlier + rule);
    }
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

  private int nonNegativeInteger(JsonPath path) {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw problem(path, "expected an integer of at least 0 but was " + describeCurrent(path));
    }
    String digits = text(path);
    try {
      int value = Integer.parseInt(digits);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // out of range, refused below
    }
    throw problem(path, "expected an integer of at least 0 but was " + digits);
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

  private <T> T build(JsonPath path, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw problem(path, JacksonMessages.firstLine(String.valueOf(e.getMessage())));
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
   * The byte offset of the current token. Jackson's byte parsers keep it as a number; {@code
   * currentTokenLocation()} would build a location object for every object read.
   */
  private long tokenOffset() {
    return parser instanceof ParserBase
        ? ((ParserBase) parser).getTokenCharacterOffset()
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
