package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed {@code balint/1} documents: each is refused with the JSON path of its first problem and
 * a one-line message.
 */
class BalintJsonMalformedTest {
  /** A small valid document; each case below breaks it in one place. */
  static final String VALID =
      "{\"format\":\"balint/1\",\n"
          + "\"group\":{\"id\":\"g\",\"name\":\"G\",\n"
          + "  \"leaders\":[{\"id\":\"L1\",\"name\":\"A\",\"profession\":\"GP\",\"training\":\"TRAINED\"}],\n"
          + "  \"members\":[{\"id\":\"m1\",\"name\":\"B\",\"profession\":\"GP\"},{\"id\":\"m2\",\"name\":\"C\",\"profession\":\"NURSE\"}]},\n"
          + "\"sessions\":[{\"id\":\"s1\",\"start\":\"2026-11-20T18:00:00Z\",\"end\":\"2026-11-20T19:30:00Z\",\n"
          + "  \"present\":[\"L1\",\"m1\",\"m2\"],\n"
          + "  \"recording\":{\"purpose\":\"RESEARCH\",\"consent\":[\"L1\",\"m1\",\"m2\"]},\n"
          + "  \"cases\":[{\"presenter\":\"m1\",\"title\":\"T\"}],\n"
          + "  \"contributions\":[\n"
          + "    {\"at\":\"2026-11-20T18:02:00Z\",\"speaker\":\"L1\",\"phase\":\"OPENING\",\"text\":\"Who"
          + " has a case?\"},\n"
          + "    {\"at\":\"2026-11-20T18:05:00Z\",\"speaker\":\"m1\",\"phase\":\"PRESENTATION\",\"text\":\"A"
          + " list.\"}]}]}\n";

  private static final String C0 = "$.sessions[0].contributions[0]";
  private static final String C1 = "$.sessions[0].contributions[1]";

  static String replace(String old, String replacement) {
    int at = VALID.indexOf(old);
    if (at < 0 || VALID.indexOf(old, at + 1) >= 0) {
      throw new IllegalArgumentException("not found exactly once: " + old);
    }
    return VALID.substring(0, at) + replacement + VALID.substring(at + old.length());
  }

  static Arguments refused(String name, String document, String path, String problem) {
    return Arguments.of(name, document.getBytes(UTF_8), path, problem);
  }

  static Stream<Arguments> documents() {
    String nested = "[".repeat(100_000);
    return Stream.of(
        // wrong JSON types: no coercion
        refused(
            "case as a string",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":\"0\""),
            C1 + ".case",
            "expected an integer of at least 0 but was a string \"0\""),
        refused(
            "case as a fraction",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":1.5"),
            C1 + ".case",
            "expected an integer of at least 0 but was a number 1.5"),
        refused(
            "case as a float zero",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":0.0"),
            C1 + ".case",
            "expected an integer of at least 0 but was a number 0.0"),
        refused(
            "negative case",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":-1"),
            C1,
            "contribution.case must not be negative, but was -1"),
        refused(
            "huge case",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":99999999999999999999"),
            C1 + ".case",
            "expected an integer of at least 0 but was 99999999999999999999"),
        refused(
            "name as a number",
            replace("\"name\":\"G\"", "\"name\":3"),
            "$.group.name",
            "expected a string but was a number 3"),
        refused(
            "id as a boolean",
            replace("\"id\":\"s1\"", "\"id\":true"),
            "$.sessions[0].id",
            "expected a string but was true"),
        refused(
            "leaders as an object",
            replace(
                "\"leaders\":[{\"id\":\"L1\",\"name\":\"A\",\"profession\":\"GP\",\"training\":\"TRAINED\"}]",
                "\"leaders\":{}"),
            "$.group.leaders",
            "expected an array but was an object"),
        refused(
            "present as a string",
            replace("\"present\":[\"L1\",\"m1\",\"m2\"]", "\"present\":\"L1\""),
            "$.sessions[0].present",
            "expected an array but was a string \"L1\""),
        refused(
            "session as an array",
            replace("\"sessions\":[{", "\"sessions\":[[],{"),
            "$.sessions[0]",
            "expected an object but was an array"),
        refused("document as an array", "[]", "$", "expected an object but was an array"),
        refused(
            "extensions as an array",
            replace("\"name\":\"G\"", "\"name\":\"G\",\"extensions\":[1]"),
            "$.group.extensions",
            "expected an object but was an array"),
        refused(
            "nesting where a string is expected",
            replace("\"name\":\"G\"", "\"name\":" + nested),
            "$.group.name",
            "expected a string but was an array"),
        // null refused
        refused(
            "null name",
            replace("\"name\":\"G\"", "\"name\":null"),
            "$.group.name",
            "expected a string but was null"),
        refused(
            "null end",
            replace("\"end\":\"2026-11-20T19:30:00Z\"", "\"end\":null"),
            "$.sessions[0].end",
            "expected a string but was null"),
        refused(
            "null recording",
            replace(
                "\"recording\":{\"purpose\":\"RESEARCH\",\"consent\":[\"L1\",\"m1\",\"m2\"]}",
                "\"recording\":null"),
            "$.sessions[0].recording",
            "expected an object but was null"),
        refused(
            "null extensions",
            replace("\"name\":\"G\"", "\"name\":\"G\",\"extensions\":null"),
            "$.group.extensions",
            "expected an object but was null"),
        refused(
            "null in present",
            replace("\"present\":[\"L1\",\"m1\",\"m2\"]", "\"present\":[\"L1\",null]"),
            "$.sessions[0].present[1]",
            "expected a string but was null"),
        refused(
            "null phase",
            replace("\"phase\":\"OPENING\"", "\"phase\":null"),
            C0 + ".phase",
            "expected one of OPENING, PRESENTATION, QUESTIONS, DISCUSSION, PRESENTER_RETURNS,"
                + " CLOSING but was null"),
        // unknown fields
        refused(
            "unknown top-level field",
            replace("\"format\":\"balint/1\",", "\"format\":\"balint/1\",\"colour\":\"red\","),
            "$.colour",
            "unknown field \"colour\" (allowed: format, group, sessions, extensions)"),
        refused(
            "unknown contribution field",
            replace("\"speaker\":\"L1\"", "\"speakr\":\"L1\""),
            C0 + ".speakr",
            "unknown field \"speakr\" (allowed: speaker, phase, text, at, kind, case, extensions)"),
        refused(
            "unknown field with an odd name",
            replace("\"title\":\"T\"", "\"title\":\"T\",\"a b\":1"),
            "$.sessions[0].cases[0]['a b']",
            "unknown field \"a b\" (allowed: presenter, title, extensions)"),
        // enums
        refused(
            "bad phase",
            replace("\"phase\":\"OPENING\"", "\"phase\":\"DISCUS\""),
            C0 + ".phase",
            "expected one of OPENING, PRESENTATION, QUESTIONS, DISCUSSION, PRESENTER_RETURNS,"
                + " CLOSING but was \"DISCUS\""),
        refused(
            "lower-case profession",
            replace("\"profession\":\"NURSE\"", "\"profession\":\"nurse\""),
            "$.group.members[1].profession",
            "expected one of GP, GP_TRAINEE, PSYCHIATRIST, PSYCHIATRY_TRAINEE, PSYCHOTHERAPIST,"
                + " NURSE, MEDICAL_STUDENT, OTHER_CLINICIAN, OTHER but was \"nurse\""),
        refused(
            "bad training",
            replace("\"training\":\"TRAINED\"", "\"training\":\"YES\""),
            "$.group.leaders[0].training",
            "expected one of ACCREDITED, TRAINED, IN_TRAINING, NONE but was \"YES\""),
        refused(
            "bad mode",
            replace("\"id\":\"s1\"", "\"id\":\"s1\",\"mode\":\"HYBRID\""),
            "$.sessions[0].mode",
            "expected one of IN_PERSON, ONLINE but was \"HYBRID\""),
        refused(
            "bad purpose",
            replace("\"purpose\":\"RESEARCH\"", "\"purpose\":\"TEACHING\""),
            "$.sessions[0].recording.purpose",
            "expected one of RESEARCH, LEADER_SUPERVISION but was \"TEACHING\""),
        refused(
            "bad kind",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"kind\":\"CHAT\""),
            C1 + ".kind",
            "expected one of FEELING, SPECULATION, QUESTION, CLINICAL, NEW_CASE, JUDGEMENT,"
                + " FACILITATION but was \"CHAT\""),
        // missing required fields
        refused(
            "missing text",
            replace(",\"text\":\"Who has a case?\"", ""),
            C0 + ".text",
            "missing required field \"text\""),
        refused(
            "missing format",
            replace("\"format\":\"balint/1\",", ""),
            "$.format",
            "missing required field \"format\""),
        refused(
            "missing training",
            replace(",\"training\":\"TRAINED\"", ""),
            "$.group.leaders[0].training",
            "missing required field \"training\""),
        refused(
            "missing consent",
            replace(",\"consent\":[\"L1\",\"m1\",\"m2\"]", ""),
            "$.sessions[0].recording.consent",
            "missing required field \"consent\""),
        // duplicates
        refused(
            "duplicate key",
            replace("\"name\":\"G\"", "\"name\":\"G\",\"name\":\"H\""),
            "$.group.name",
            "duplicate field \"name\""),
        refused(
            "duplicate key in extensions",
            replace("\"name\":\"G\"", "\"name\":\"G\",\"extensions\":{\"a\":{\"b\":1,\"b\":2}}"),
            "$.group.extensions.a.b",
            "duplicate field \"b\""),
        refused(
            "member with a leader's id",
            replace("{\"id\":\"m2\"", "{\"id\":\"L1\""),
            "$.group",
            "group.members must not repeat an id of the roster, but \"L1\" appears twice"),
        refused(
            "repeated member id",
            replace("{\"id\":\"m2\"", "{\"id\":\"m1\""),
            "$.group",
            "group.members must not repeat an id of the roster, but \"m1\" appears twice"),
        refused(
            "repeated session id",
            replace(
                "\"sessions\":[{",
                "\"sessions\":[{\"id\":\"s1\",\"start\":\"2026-11-13T18:00:00Z\",\"present\":[],\"cases\":[],\"contributions\":[]},{"),
            "$",
            "sessions must not repeat an id, but \"s1\" appears twice"),
        refused(
            "repeated present id",
            replace("\"present\":[\"L1\",\"m1\",\"m2\"]", "\"present\":[\"L1\",\"m1\",\"L1\"]"),
            "$.sessions[0]",
            "session.present must not repeat an id, but \"L1\" appears twice"),
        refused(
            "repeated consent id",
            replace("\"consent\":[\"L1\",\"m1\",\"m2\"]", "\"consent\":[\"m2\",\"m2\"]"),
            "$.sessions[0].recording",
            "recording.consent must not repeat an id, but \"m2\" appears twice"),
        // ids
        refused(
            "id with a space",
            replace("{\"id\":\"m2\"", "{\"id\":\"m 2\""),
            "$.group.members[1]",
            "member.id must be 1-64 characters of [A-Za-z0-9._-], but was \"m 2\""),
        refused(
            "empty id",
            replace("\"id\":\"g\"", "\"id\":\"\""),
            "$.group",
            "group.id must be 1-64 characters of [A-Za-z0-9._-], but was \"\""),
        refused(
            "speaker with a slash",
            replace("\"speaker\":\"L1\"", "\"speaker\":\"L/1\""),
            C0,
            "contribution.speaker must be 1-64 characters of [A-Za-z0-9._-], but was \"L/1\""),
        refused(
            "presenter of 65 characters",
            replace("\"presenter\":\"m1\"", "\"presenter\":\"" + "p".repeat(65) + "\""),
            "$.sessions[0].cases[0]",
            "case.presenter must be 1-64 characters of [A-Za-z0-9._-], but was \""
                + "p".repeat(64)
                + "...\""),
        refused(
            "consent with a bad id",
            replace("\"consent\":[\"L1\",\"m1\",\"m2\"]", "\"consent\":[\"L1\",\"m\\n1\"]"),
            "$.sessions[0].recording",
            "recording.consent[1] must be 1-64 characters of [A-Za-z0-9._-], but was"
                + " \"m\\u000A1\""),
        // cases
        refused(
            "case index out of range",
            replace("\"text\":\"A list.\"", "\"text\":\"A list.\",\"case\":1"),
            "$.sessions[0]",
            "contributions[1].case must name one of the session's 1 cases, but was 1"),
        refused(
            "contributions without cases",
            replace("\"cases\":[{\"presenter\":\"m1\",\"title\":\"T\"}]", "\"cases\":[]"),
            "$.sessions[0]",
            "session.cases must not be empty when the session has contributions (it has 2)"),
        // times
        refused(
            "end before start",
            replace("\"end\":\"2026-11-20T19:30:00Z\"", "\"end\":\"2026-11-20T17:59:59.999Z\""),
            "$.sessions[0]",
            "session.end must not be before session.start (2026-11-20T18:00:00Z), but was"
                + " 2026-11-20T17:59:59.999Z"),
        refused(
            "end before start across offsets",
            replace("\"end\":\"2026-11-20T19:30:00Z\"", "\"end\":\"2026-11-20T18:30:00+01:00\""),
            "$.sessions[0]",
            "session.end must not be before session.start (2026-11-20T18:00:00Z), but was"
                + " 2026-11-20T17:30:00Z"),
        refused(
            "decreasing at",
            replace("\"at\":\"2026-11-20T18:05:00Z\"", "\"at\":\"2026-11-20T18:01:00Z\""),
            "$.sessions[0]",
            "contributions[1].at must not be before the contribution before it"
                + " (2026-11-20T18:02:00Z), but was 2026-11-20T18:01:00Z"),
        refused(
            "local date-time",
            replace("\"start\":\"2026-11-20T18:00:00Z\"", "\"start\":\"2026-11-20T18:00:00\""),
            "$.sessions[0].start",
            "expected an ISO-8601 instant with an offset, such as \"2026-11-20T18:00:00Z\", but was"
                + " \"2026-11-20T18:00:00\""),
        refused(
            "date only",
            replace("\"at\":\"2026-11-20T18:02:00Z\"", "\"at\":\"2026-11-20\""),
            C0 + ".at",
            "expected an ISO-8601 instant with an offset, such as \"2026-11-20T18:00:00Z\", but was"
                + " \"2026-11-20\""),
        refused(
            "impossible date",
            replace("\"start\":\"2026-11-20T18:00:00Z\"", "\"start\":\"2026-02-30T18:00:00Z\""),
            "$.sessions[0].start",
            "expected an ISO-8601 instant with an offset, such as \"2026-11-20T18:00:00Z\", but was"
                + " \"2026-02-30T18:00:00Z\""),
        // text
        refused(
            "empty text",
            replace("\"text\":\"Who has a case?\"", "\"text\":\"\""),
            C0,
            "contribution.text must be 1-10000 characters, but has 0"),
        refused(
            "text of 10,001 characters",
            replace("\"text\":\"Who has a case?\"", "\"text\":\"" + "x".repeat(10_001) + "\""),
            C0,
            "contribution.text must be 1-10000 characters, but has 10001"),
        refused(
            "title of 10,001 characters",
            replace("\"title\":\"T\"", "\"title\":\"" + "\uD83D\uDE00".repeat(10_001) + "\""),
            "$.sessions[0].cases[0]",
            "case.title must be at most 10000 characters, but has 10001"),
        refused(
            "escaped unpaired surrogate in text",
            replace("Who has a case?", "Who\\uD800 has a case?"),
            C0 + ".text",
            "the string holds an unpaired surrogate U+D800 at character 3, which is not Unicode"
                + " text"),
        // format and document
        refused(
            "wrong format",
            replace("\"format\":\"balint/1\"", "\"format\":\"balint/2\""),
            "$.format",
            "expected \"balint/1\" but was \"balint/2\""),
        refused(
            "format as a number",
            replace("\"format\":\"balint/1\"", "\"format\":1"),
            "$.format",
            "expected a string but was a number 1"),
        refused(
            "deep nesting in extensions",
            replace(
                "\"format\":\"balint/1\",",
                "\"format\":\"balint/1\",\"extensions\":{\"deep\":" + nested),
            "$.extensions.deep" + "[0]".repeat(30),
            "nesting is deeper than the limit of 32 levels"),
        refused("empty document", "", "$", "the document is empty"),
        refused("whitespace only", " \n ", "$", "the document is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void read_malformedDocument_namesPathAndProblem(
      String name, byte[] document, String path, String problem) {
    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertEquals(path, e.jsonPath());
    assertEquals(path + ": " + problem, e.getMessage());
    assertEquals(problem, e.problem());
    assertFalse(e.isSyntaxError());
    assertOneLine(e);
    assertNoText(e);
  }

  static Stream<Arguments> positions() {
    return Stream.of(
        Arguments.of(
            "wrong value: where the value starts",
            "\"phase\":\"OPENING\"",
            "\"phase\":\"OPEN\"",
            10,
            57),
        Arguments.of(
            "unknown field: where its name starts",
            "\"speaker\":\"L1\"",
            "\"speakr\":\"L1\"",
            10,
            34),
        Arguments.of(
            "session that core refuses: where the session starts",
            "\"at\":\"2026-11-20T18:05:00Z\"",
            "\"at\":\"2026-11-20T18:01:00Z\"",
            5,
            13));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positions")
  void read_malformedDocument_namesTheLineAndColumnWhereTheProblemStarts(
      String name, String old, String replacement, int line, int column) {
    byte[] document = replace(old, replacement).getBytes(UTF_8);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertEquals(OptionalInt.of(line), e.line());
    assertEquals(OptionalInt.of(column), e.column());
  }

  static Stream<Arguments> brokenJson() {
    return Stream.of(
        Arguments.of(
            "value missing",
            "{\n  \"format\": \"balint/1\",\n  \"group\": }",
            3,
            12,
            "unexpected character '}' (expected a value)"),
        Arguments.of(
            "trailing comma",
            "{\"format\":\"balint/1\",}",
            1,
            22,
            "unexpected character '}' (was expecting double-quote to start field name)"),
        Arguments.of(
            "unclosed document",
            "{\"format\":\"balint/1\",\n\"group\":{\"id\":\"g\"",
            2,
            18,
            "unexpected end of the document: expected close marker for Object"),
        Arguments.of(
            "unquoted word",
            "{\"format\": balint}",
            1,
            12,
            "unrecognized token 'balint': was expecting (JSON String, Number, Array, Object or"
                + " token 'null', 'true' or 'false')"),
        Arguments.of(
            "raw newline in a string",
            "{\"format\": \"bal\nint/1\"}",
            1,
            16,
            "control character U+000A must be escaped in a string"),
        Arguments.of(
            "trailing garbage",
            VALID + "x",
            12,
            1,
            "unexpected content after the end of the document"),
        Arguments.of(
            "second document",
            VALID + "\n  {}",
            13,
            3,
            "unexpected content after the end of the document"),
        Arguments.of(
            "extra closing brace",
            VALID + "}",
            12,
            1,
            "unexpected content after the end of the document"),
        Arguments.of(
            "non-ASCII before the error",
            "{\"extensions\": {\"note\": \"café\" x}}",
            1,
            32,
            "unexpected character 'x' (was expecting comma to separate Object entries)"),
        Arguments.of(
            "comment",
            "{\"format\": \"balint/1\" // the format\n}",
            1,
            23,
            "unexpected character '/' (comments are not allowed in JSON)"),
        Arguments.of(
            "unpaired surrogate in a key",
            "{\"extensions\": {\"k\\uD800\": 1}}",
            1,
            25,
            "broken surrogate pair in field name: expected '\\' to start low surrogate, got 0x22"),
        Arguments.of("NaN", "{\"extensions\": {\"n\": NaN}}", 1, 25, "non-standard token 'NaN'"),
        Arguments.of(
            "non-ASCII unexpected",
            "{\"format\": \"balint/1\", é}",
            1,
            24,
            "unexpected character 'é' (was expecting double-quote to start field name)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenJson")
  void read_brokenJson_namesLineAndColumn(
      String name, String document, int line, int column, String problem) {
    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document.getBytes(UTF_8)));

    assertEquals("line " + line + ", column " + column + ": " + problem, e.getMessage());
    assertEquals(OptionalInt.of(line), e.line());
    assertEquals(OptionalInt.of(column), e.column());
    assertTrue(e.isSyntaxError());
    assertOneLine(e);
  }

  @Test
  void read_invalidUtf8InText_namesByteOffsetLineAndColumn() {
    byte[] document = replace("Who has a case?", "Who has a \u0001ase?").getBytes(UTF_8);
    int offset = new String(document, UTF_8).indexOf('\u0001');
    document[offset] = (byte) 0xFF;

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertTrue(e.isSyntaxError());
    assertEquals(C0 + ".text", e.jsonPath());
    assertEquals(OptionalInt.of(10), e.line());
    assertTrue(e.problem().startsWith("invalid UTF-8 byte 0xFF"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void read_truncatedUtf8Sequence_isRefused() {
    byte[] valid = replace("\"name\":\"G\"", "\"name\":\"Gé\"").getBytes(UTF_8);
    byte[] document = new byte[valid.length - 1];
    int e9 = new String(valid, UTF_8).indexOf("é\"");
    int byteOffset = new String(valid, UTF_8).substring(0, e9).getBytes(UTF_8).length;
    System.arraycopy(valid, 0, document, 0, byteOffset + 1);
    System.arraycopy(
        valid, byteOffset + 2, document, byteOffset + 1, valid.length - byteOffset - 2);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertTrue(e.problem().startsWith("invalid UTF-8 byte"), e.getMessage());
    assertEquals(OptionalInt.of(2), e.line());
    assertOneLine(e);
  }

  @Test
  void read_utf8EncodedSurrogate_isRefused() {
    byte[] document = replace("Who has a case?", "Who has a case\u0001").getBytes(UTF_8);
    int offset = new String(document, UTF_8).indexOf('\u0001');
    byte[] withSurrogate = new byte[document.length + 2];
    System.arraycopy(document, 0, withSurrogate, 0, offset);
    withSurrogate[offset] = (byte) 0xED;
    withSurrogate[offset + 1] = (byte) 0xA0;
    withSurrogate[offset + 2] = (byte) 0x80;
    System.arraycopy(document, offset + 1, withSurrogate, offset + 3, document.length - offset - 1);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(withSurrogate));

    assertEquals(C0 + ".text", e.jsonPath());
    assertEquals(
        "invalid UTF-8: an encoded surrogate U+D800 at byte offset " + (offset + 3), e.problem());
    assertOneLine(e);
  }

  @Test
  void read_utf16Document_isRefused() {
    BalintFormatException e =
        assertThrows(
            BalintFormatException.class,
            () -> BalintJson.read(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));

    assertEquals(
        "line 1, column 1: the document is not in UTF-8 (it looks like UTF-16 or UTF-32)",
        e.getMessage());
  }

  @Test
  void read_documentOverTheSizeLimit_isRefusedBeforeParsing() {
    BalintJsonReader reader = BalintJsonReader.builder().maxDocumentBytes(100).build();

    BalintFormatException fromBytes =
        assertThrows(BalintFormatException.class, () -> reader.read(VALID.getBytes(UTF_8)));
    BalintFormatException fromStream =
        assertThrows(
            BalintFormatException.class,
            () -> reader.read(new ByteArrayInputStream(VALID.getBytes(UTF_8))));

    assertEquals("$: the document is larger than the limit of 100 bytes", fromBytes.getMessage());
    assertEquals(fromBytes.getMessage(), fromStream.getMessage());
  }

  @Test
  void read_fileOverTheSizeLimit_isRefusedBeforeReading(@TempDir Path directory)
      throws IOException {
    Path file = Files.write(directory.resolve("big.json"), VALID.getBytes(UTF_8));
    BalintJsonReader reader = BalintJsonReader.builder().maxDocumentBytes(100).build();

    BalintFormatException e = assertThrows(BalintFormatException.class, () -> reader.read(file));

    assertEquals("$: the document is larger than the limit of 100 bytes", e.getMessage());
  }

  @Test
  void read_documentOfExactlyTheSizeLimit_isRead() throws IOException {
    byte[] document = VALID.getBytes(UTF_8);
    BalintJsonReader reader = BalintJsonReader.builder().maxDocumentBytes(document.length).build();

    assertEquals(BalintJson.read(document), reader.read(new ByteArrayInputStream(document)));
  }

  @Test
  void read_stringOverTheStringLimit_isRefused() {
    BalintJsonReader reader = BalintJsonReader.builder().maxStringLength(20_000).build();
    byte[] document =
        replace("\"name\":\"G\"", "\"name\":\"" + "G".repeat(20_001) + "\"").getBytes(UTF_8);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> reader.read(document));

    assertEquals(
        "$.group.name: the string is longer than the limit of 20000 characters", e.getMessage());
  }

  @Test
  void read_nestingWithinAConfiguredLimit_isReadAndBeyondItRefused() {
    String sixLevels =
        replace(
            "\"format\":\"balint/1\",",
            "\"format\":\"balint/1\",\"extensions\":{\"a\":[[[[1]]]]},");
    BalintJsonReader shallow = BalintJsonReader.builder().maxNestingDepth(5).build();
    BalintJsonReader deepEnough = BalintJsonReader.builder().maxNestingDepth(6).build();

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> shallow.read(sixLevels.getBytes(UTF_8)));

    assertEquals(
        "$.extensions.a[0][0][0]: nesting is deeper than the limit of 5 levels", e.getMessage());
    assertEquals(
        "{\"a\":[[[[1]]]]}",
        deepEnough.read(sixLevels.getBytes(UTF_8)).extensions().orElseThrow().json());
  }

  /** Contribution texts never appear in an error: neither the document's nor a long one. */
  private static void assertNoText(BalintFormatException e) {
    for (String text : new String[] {"Who has a case", "A list", "xxxxxxxxxx"}) {
      assertFalse(e.getMessage().contains(text), e.getMessage());
    }
  }

  private static void assertOneLine(BalintFormatException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("\r"), e.getMessage());
    assertFalse(e.getMessage().contains("Source:"), e.getMessage());
    assertFalse(e.getMessage().contains("(code "), e.getMessage());
  }
}
