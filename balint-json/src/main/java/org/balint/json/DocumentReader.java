package org.balint.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

/**
 * One strict walk over one {@code balint/1} document with Jackson's streaming parser.
 *
 * <p>Every value is checked where it is read, with its JSON path; checks that span fields (roster
 * ids, case indexes, times) run when the enclosing object is complete, before any core object is
 * built from it. The first problem ends the walk with a {@link BalintFormatException}.
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

  /** The fields an object may hold: required, optional, and always {@code extensions}. */
  private static final class Fields {
    final List<String> required;
    final Set<String> allowed = new HashSet<>();
    final String allowedList;

    Fields(List<String> required, List<String> optional) {
      this.required = required;
      List<String> all = new ArrayList<>(required);
      all.addAll(optional);
      all.add("extensions");
      allowed.addAll(all);
      allowedList = String.join(", ", all);
    }
  }

  /** Reads the value of one field; the parser is on the value's first token. */
  private interface FieldReader {
    void read(String name, String path);
  }

  /** Reads one array element; the parser is on the element's first token. */
  private interface ElementReader {
    void read(int index, String path);
  }

  private final byte[] bytes;
  private final DocumentPositions positions;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final JsonParser parser;

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
    try {
      this.parser = factory.createParser(bytes);
    } catch (IOException e) {
      throw syntaxError(JsonPaths.ROOT, e);
    }
  }

  GroupRecord read() {
    try (parser) {
      refuseOtherEncodings();
      JsonToken first = next(JsonPaths.ROOT);
      if (first == null) {
        throw problem(JsonPaths.ROOT, "the document is empty");
      }
      GroupRecord record = readRecord(JsonPaths.ROOT);
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

  private GroupRecord readRecord(String path) {
    expectObject(path);
    GroupRecord.Builder record = GroupRecord.builder();
    readObject(
        path,
        ROOT_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
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
        });
    return build(path, record::build);
  }

  private Group readGroup(String path) {
    expectObject(path);
    Group.Builder group = Group.builder();
    Map<String, String> rosterPaths = new HashMap<>();
    List<Located> roster = new ArrayList<>();
    readObject(
        path,
        GROUP_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "id":
              group.id(id(fieldPath));
              break;
            case "name":
              group.name(string(fieldPath));
              break;
            case "leaders":
              array(
                  fieldPath, (i, elementPath) -> group.addLeader(readLeader(elementPath, roster)));
              break;
            case "members":
              array(
                  fieldPath, (i, elementPath) -> group.addMember(readMember(elementPath, roster)));
              break;
            default:
              group.extensions(extensions(fieldPath));
          }
        });
    for (Located id : roster) {
      requireFirst(
          rosterPaths,
          id.value,
          id.path,
          id.offset,
          "; ids must be unique across leaders and members");
    }
    return build(path, group::build);
  }

  private Leader readLeader(String path, List<Located> roster) {
    expectObject(path);
    Leader.Builder leader = Leader.builder();
    readObject(
        path,
        LEADER_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "id":
              leader.id(rosterId(fieldPath, roster));
              break;
            case "name":
              leader.name(string(fieldPath));
              break;
            case "profession":
              leader.profession(enumValue(fieldPath, Profession.class));
              break;
            case "training":
              leader.training(enumValue(fieldPath, LeaderTraining.class));
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
        });
    return build(path, leader::build);
  }

  /** Reads the id of a leader or member and notes where it was, for the roster's uniqueness. */
  private String rosterId(String path, List<Located> roster) {
    long offset = tokenOffset();
    String id = id(path);
    roster.add(new Located(path, id, offset));
    return id;
  }

  private Member readMember(String path, List<Located> roster) {
    expectObject(path);
    Member.Builder member = Member.builder();
    readObject(
        path,
        MEMBER_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "id":
              member.id(rosterId(fieldPath, roster));
              break;
            case "name":
              member.name(string(fieldPath));
              break;
            case "profession":
              member.profession(enumValue(fieldPath, Profession.class));
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
        });
    return build(path, member::build);
  }

  private List<Session> readSessions(String path) {
    List<Session> sessions = new ArrayList<>();
    Map<String, String> idPaths = new HashMap<>();
    array(
        path,
        (i, elementPath) -> {
          long offset = tokenOffset();
          Session session = readSession(elementPath);
          requireFirst(
              idPaths,
              session.id(),
              JsonPaths.field(elementPath, "id"),
              offset,
              "; session ids must be unique");
          sessions.add(session);
        });
    return sessions;
  }

  private Session readSession(String path) {
    expectObject(path);
    long objectOffset = tokenOffset();
    Session.Builder session = Session.builder();
    Instant[] start = new Instant[1];
    Instant[] end = new Instant[1];
    long[] endOffset = new long[1];
    int[] caseCount = new int[1];
    List<ContributionPlace> places = new ArrayList<>();
    readObject(
        path,
        SESSION_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "id":
              session.id(id(fieldPath));
              break;
            case "start":
              start[0] = instant(fieldPath);
              session.start(start[0]);
              break;
            case "end":
              endOffset[0] = tokenOffset();
              end[0] = instant(fieldPath);
              session.end(end[0]);
              break;
            case "mode":
              session.mode(enumValue(fieldPath, SessionMode.class));
              break;
            case "present":
              session.present(uniqueIds(fieldPath));
              break;
            case "recording":
              session.recording(readRecording(fieldPath));
              break;
            case "cases":
              array(
                  fieldPath,
                  (i, elementPath) -> {
                    session.addCase(readCase(elementPath));
                    caseCount[0]++;
                  });
              break;
            case "contributions":
              Instant[] previous = new Instant[1];
              String[] previousPath = new String[1];
              array(
                  fieldPath,
                  (i, elementPath) -> {
                    Contribution contribution = readContribution(elementPath, places);
                    if (contribution.at().isPresent()) {
                      Instant at = contribution.at().get();
                      if (previous[0] != null && at.isBefore(previous[0])) {
                        throw problem(
                            JsonPaths.field(elementPath, "at"),
                            places.get(i).atOffset,
                            "must not be before the time of "
                                + previousPath[0]
                                + " ("
                                + previous[0]
                                + ") but was "
                                + at);
                      }
                      previous[0] = at;
                      previousPath[0] = elementPath;
                    }
                    session.addContribution(contribution);
                  });
              break;
            default:
              session.extensions(extensions(fieldPath));
          }
        });
    if (end[0] != null && start[0] != null && end[0].isBefore(start[0])) {
      throw problem(
          JsonPaths.field(path, "end"),
          endOffset[0],
          "must not be before start (" + start[0] + ") but was " + end[0]);
    }
    if (!places.isEmpty() && caseCount[0] == 0) {
      throw problem(
          JsonPaths.field(path, "cases"),
          objectOffset,
          "must not be empty when the session has contributions (it has " + places.size() + ")");
    }
    for (ContributionPlace place : places) {
      if (place.caseIndex >= caseCount[0]) {
        throw problem(
            JsonPaths.field(place.path, "case"),
            place.caseOffset,
            "expected the index of one of the session's "
                + caseCount[0]
                + " cases (0.."
                + (caseCount[0] - 1)
                + ") but was "
                + place.caseIndex);
      }
    }
    return build(path, session::build);
  }

  private Recording readRecording(String path) {
    expectObject(path);
    Recording.Builder recording = Recording.builder();
    readObject(
        path,
        RECORDING_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "purpose":
              recording.purpose(enumValue(fieldPath, RecordingPurpose.class));
              break;
            case "consent":
              recording.consent(uniqueIds(fieldPath));
              break;
            default:
              recording.extensions(extensions(fieldPath));
          }
        });
    return build(path, recording::build);
  }

  private Case readCase(String path) {
    expectObject(path);
    Case.Builder presented = Case.builder();
    readObject(
        path,
        CASE_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "presenter":
              presented.presenter(id(fieldPath));
              break;
            case "title":
              presented.title(boundedText(fieldPath, 0));
              break;
            default:
              presented.extensions(extensions(fieldPath));
          }
        });
    return build(path, presented::build);
  }

  /** Reads a contribution and adds to {@code places} where its time and case index were found. */
  private Contribution readContribution(String path, List<ContributionPlace> places) {
    expectObject(path);
    ContributionPlace place = new ContributionPlace(path, tokenOffset());
    Contribution.Builder contribution = Contribution.builder();
    readObject(
        path,
        CONTRIBUTION_FIELDS,
        (name, fieldPath) -> {
          switch (name) {
            case "at":
              place.atOffset = tokenOffset();
              contribution.at(instant(fieldPath));
              break;
            case "speaker":
              contribution.speaker(id(fieldPath));
              break;
            case "phase":
              contribution.phase(enumValue(fieldPath, Phase.class));
              break;
            case "text":
              contribution.text(boundedText(fieldPath, 1));
              break;
            case "kind":
              contribution.kind(enumValue(fieldPath, ContributionKind.class));
              break;
            case "case":
              place.caseOffset = tokenOffset();
              place.caseIndex = nonNegativeInteger(fieldPath);
              contribution.caseIndex(place.caseIndex);
              break;
            default:
              contribution.extensions(extensions(fieldPath));
          }
        });
    places.add(place);
    return build(path, contribution::build);
  }

  /** Where a contribution's time and case index are, for the checks of its session. */
  private static final class ContributionPlace {
    final String path;
    long atOffset;
    long caseOffset;
    int caseIndex;

    ContributionPlace(String path, long offset) {
      this.path = path;
      this.atOffset = offset;
      this.caseOffset = offset;
    }
  }

  /** A value read earlier, with where it was: for checks that span fields. */
  private static final class Located {
    final String path;
    final String value;
    final long offset;

    Located(String path, String value, long offset) {
      this.path = path;
      this.value = value;
      this.offset = offset;
    }
  }

  // ---- values -----------------------------------------------------------------------------

  private void readObject(String path, Fields fields, FieldReader fieldReader) {
    long start = tokenOffset();
    Set<String> seen = new HashSet<>();
    while (next(path) != JsonToken.END_OBJECT) {
      String name = name(path);
      String fieldPath = JsonPaths.field(path, name);
      if (!seen.add(name)) {
        throw problem(fieldPath, "duplicate field " + JsonPaths.quoted(name));
      }
      if (!fields.allowed.contains(name)) {
        throw problem(
            fieldPath,
            "unknown field " + JsonPaths.quoted(name) + " (allowed: " + fields.allowedList + ")");
      }
      next(fieldPath);
      fieldReader.read(name, fieldPath);
    }
    for (String required : fields.required) {
      if (!seen.contains(required)) {
        throw problem(
            JsonPaths.field(path, required),
            start,
            "missing required field " + JsonPaths.quoted(required));
      }
    }
  }

  private void array(String path, ElementReader elementReader) {
    expect(path, JsonToken.START_ARRAY, "an array");
    int index = 0;
    while (true) {
      String elementPath = JsonPaths.element(path, index);
      if (next(elementPath) == JsonToken.END_ARRAY) {
        return;
      }
      elementReader.read(index, elementPath);
      index++;
    }
  }

  private void expectObject(String path) {
    expect(path, JsonToken.START_OBJECT, "an object");
  }

  private void expect(String path, JsonToken token, String description) {
    if (parser.currentToken() != token) {
      throw problem(path, "expected " + description + " but was " + describeCurrent(path));
    }
  }

  /** A string value of the format (not of extensions): it may not hold U+0000 (SPEC section 2). */
  private String string(String path) {
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
  private String boundedText(String path, int minCodePoints) {
    String text = string(path);
    int length = text.codePointCount(0, text.length());
    if (length < minCodePoints || length > Contribution.MAX_TEXT_LENGTH) {
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

  private String id(String path) {
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

  private ImmutableList<String> uniqueIds(String path) {
    List<String> ids = new ArrayList<>();
    Map<String, String> idPaths = new HashMap<>();
    array(
        path,
        (i, elementPath) -> {
          String id = id(elementPath);
          requireFirst(idPaths, id, elementPath, tokenOffset(), "");
          ids.add(id);
        });
    return ImmutableList.copyOf(ids);
  }

  /**
   * Notes that {@code id} was found at {@code path}, refusing it if it was found before.
   *
   * @param seen the ids found so far in the scope, with their paths
   * @param rule what the message adds after naming the earlier place
   */
  private void requireFirst(
      Map<String, String> seen, String id, String path, long offset, String rule) {
    String earlier = seen.putIfAbsent(id, path);
    if (earlier != null) {
      throw problem(path, offset, JsonPaths.quoted(id) + " repeats " + earlier + rule);
    }
  }

  private <E extends Enum<E>> E enumValue(String path, Class<E> type) {
    E[] values = type.getEnumConstants();
    String allowed = Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw problem(path, "expected one of " + allowed + " but was " + describeCurrent(path));
    }
    String value = text(path);
    for (E candidate : values) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    throw problem(path, "expected one of " + allowed + " but was " + JsonPaths.quoted(value));
  }

  private Instant instant(String path) {
    String value = string(path);
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw problem(
          path,
          "expected an ISO-8601 instant with an offset, such as \"2026-11-20T18:00:00Z\", but was "
              + JsonPaths.quoted(value));
    }
  }

  private LocalDate date(String path) {
    String value = string(path);
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      throw problem(
          path,
          "expected an ISO-8601 date, such as \"2025-09-01\", but was " + JsonPaths.quoted(value));
    }
  }

  private int nonNegativeInteger(String path) {
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

  private Optional<Extensions> extensions(String path) {
    expectObject(path);
    StringWriter compact = new StringWriter();
    try (JsonGenerator out = COMPACT.createGenerator(compact)) {
      ExtensionsCopy.copyObject(this, out, path, maxNestingDepth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(Extensions.ofJson(compact.toString()));
  }

  private String describeCurrent(String path) {
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

  private <T> T build(String path, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw problem(path, JacksonMessages.firstLine(String.valueOf(e.getMessage())));
    }
  }

  // ---- tokens, with every Jackson failure turned into a BalintFormatException --------------

  @Override
  public JsonToken next(String path) {
    try {
      return parser.nextToken();
    } catch (IOException e) {
      throw syntaxError(path, e);
    }
  }

  @Override
  public String name(String path) {
    String name;
    try {
      name = parser.currentName();
    } catch (IOException e) {
      throw syntaxError(path, e);
    }
    return unicodeText(path, name);
  }

  @Override
  public String text(String path) {
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

  /** Refuses a string that holds an unpaired surrogate: it could not be written back as UTF-8. */
  private String unicodeText(String path, String text) {
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

  /** The index of the first unpaired surrogate of {@code text}, or -1. */
  private static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
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
    return problem(path, tokenOffset(), problem);
  }

  private BalintFormatException problem(String path, long offset, String problem) {
    return new BalintFormatException(
        path, problem, positions.lineOf(offset), positions.columnOf(offset), false, null);
  }

  private long tokenOffset() {
    return parser.currentTokenLocation().getByteOffset();
  }

  private BalintFormatException syntaxError(String path, IOException e) {
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
    return new BalintFormatException(path, problem, line, column, true, e);
  }
}
