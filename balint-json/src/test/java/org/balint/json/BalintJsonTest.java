package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing whole {@code balint/1} documents through the public API. */
class BalintJsonTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BalintJsonTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** An example balint/1 document as core objects, built by hand. */
  private static GroupRecord specExample() {
    return GroupRecord.builder()
        .group(
            Group.builder()
                .id("riverside")
                .name("Riverside GP Balint group")
                .addLeader(
                    Leader.builder()
                        .id("L1")
                        .name("Dr Ana Reyes")
                        .profession(Profession.GP)
                        .training(LeaderTraining.ACCREDITED)
                        .build())
                .addMember(
                    Member.builder()
                        .id("m1")
                        .name("Dr Ben Ode")
                        .profession(Profession.GP_TRAINEE)
                        .build())
                .build())
        .addSession(
            Session.builder()
                .id("2026-11-20")
                .start(Instant.parse("2026-11-20T18:00:00Z"))
                .end(Instant.parse("2026-11-20T19:30:00Z"))
                .mode(SessionMode.IN_PERSON)
                .addPresent("L1", "m1")
                .recording(
                    Recording.builder()
                        .purpose(RecordingPurpose.RESEARCH)
                        .addConsent("L1", "m1")
                        .build())
                .addCase(
                    Case.builder()
                        .presenter("m1")
                        .title("The woman who always brings a list")
                        .build())
                .addContribution(
                    Contribution.builder()
                        .at(Instant.parse("2026-11-20T18:02:00Z"))
                        .speaker("L1")
                        .phase(Phase.OPENING)
                        .text("Who has a case for us tonight?")
                        .kind(ContributionKind.FACILITATION)
                        .build())
                .build())
        .build();
  }

  @Test
  void read_specExample_givesTheRecordItDescribes() throws IOException {
    assertEquals(specExample(), BalintJson.read(resource("spec-example.json")));
  }

  @Test
  void write_specExample_givesThePrettyPrintedDocument() {
    String expected =
        String.join(
            "\n",
            "{",
            "  \"format\": \"balint/1\",",
            "  \"group\": {",
            "    \"id\": \"riverside\",",
            "    \"name\": \"Riverside GP Balint group\",",
            "    \"leaders\": [",
            "      {",
            "        \"id\": \"L1\",",
            "        \"name\": \"Dr Ana Reyes\",",
            "        \"profession\": \"GP\",",
            "        \"training\": \"ACCREDITED\"",
            "      }",
            "    ],",
            "    \"members\": [",
            "      {",
            "        \"id\": \"m1\",",
            "        \"name\": \"Dr Ben Ode\",",
            "        \"profession\": \"GP_TRAINEE\"",
            "      }",
            "    ]",
            "  },",
            "  \"sessions\": [",
            "    {",
            "      \"id\": \"2026-11-20\",",
            "      \"start\": \"2026-11-20T18:00:00Z\",",
            "      \"end\": \"2026-11-20T19:30:00Z\",",
            "      \"mode\": \"IN_PERSON\",",
            "      \"present\": [",
            "        \"L1\",",
            "        \"m1\"",
            "      ],",
            "      \"recording\": {",
            "        \"purpose\": \"RESEARCH\",",
            "        \"consent\": [",
            "          \"L1\",",
            "          \"m1\"",
            "        ]",
            "      },",
            "      \"cases\": [",
            "        {",
            "          \"presenter\": \"m1\",",
            "          \"title\": \"The woman who always brings a list\"",
            "        }",
            "      ],",
            "      \"contributions\": [",
            "        {",
            "          \"at\": \"2026-11-20T18:02:00Z\",",
            "          \"speaker\": \"L1\",",
            "          \"phase\": \"OPENING\",",
            "          \"text\": \"Who has a case for us tonight?\",",
            "          \"kind\": \"FACILITATION\"",
            "        }",
            "      ]",
            "    }",
            "  ]",
            "}",
            "");

    assertEquals(expected, BalintJson.write(specExample()));
  }

  @Test
  void read_realisticDocument_keepsEveryField() throws IOException {
    GroupRecord record = BalintJson.read(resource("realistic.json"));

    assertEquals(2, record.group().leaders().size());
    assertEquals(8, record.group().members().size());
    assertEquals("Dr Hélène Moreau", record.group().leaders().get(1).name());
    assertEquals(
        Optional.of(Extensions.ofJson("{\"supervisor\":\"L-okafor\",\"hours\":42.5}")),
        record.group().leaders().get(1).extensions());
    assertEquals(
        Optional.of(Extensions.ofJson("{\"trust\":\"Northfield NHS FT\",\"room\":null}")),
        record.group().extensions());
    Session first = record.sessions().get(0);
    assertEquals(Instant.parse("2026-09-03T12:00:00Z"), first.start());
    assertEquals(Optional.of(Instant.parse("2026-09-03T13:30:00.250Z")), first.end());
    assertEquals(Optional.of(SessionMode.ONLINE), first.mode());
    assertEquals(RecordingPurpose.LEADER_SUPERVISION, first.recording().orElseThrow().purpose());
    assertEquals(8, first.contributions().size());
    assertEquals(Optional.empty(), first.contributions().get(2).at());
    assertEquals(Optional.of(ContributionKind.QUESTION), first.contributions().get(2).kind());
    assertEquals(Optional.empty(), first.contributions().get(1).kind());
    assertEquals(
        "I wonder whether he's testing if she'll still come when he stops giving \uD83C\uDF81.",
        first.contributions().get(5).text());
    assertEquals(
        Optional.of(Extensions.ofJson("{\"platform\":{\"name\":\"video\",\"ids\":[1,2,3e2]}}")),
        first.extensions());
    Session second = record.sessions().get(1);
    assertEquals(Optional.empty(), second.mode());
    assertEquals(Optional.empty(), second.end());
    assertEquals(Optional.empty(), second.recording());
    assertEquals(
        List.of(0, 1, 0), second.contributions().stream().map(Contribution::caseIndex).toList());
    assertEquals(
        Optional.of(
            Extensions.ofJson("{\"exportedBy\":\"e-portfolio 4.2\",\"schema\":{\"version\":1}}")),
        record.extensions());
  }

  @Test
  void write_realisticDocument_readsBackEqual() throws IOException {
    GroupRecord record = BalintJson.read(resource("realistic.json"));

    String written = BalintJson.write(record);

    assertEquals(record, BalintJson.read(written.getBytes(UTF_8)));
    assertEquals(written, BalintJson.write(BalintJson.read(written.getBytes(UTF_8))));
  }

  @Test
  void write_absentOptionalFields_areLeftOut() throws IOException {
    String written = BalintJson.write(BalintJson.read(resource("realistic.json")));
    String secondSession = written.substring(written.indexOf("\"id\": \"2026-09-17\""));

    assertFalse(secondSession.contains("\"end\""));
    assertFalse(secondSession.contains("\"recording\""));
    assertFalse(secondSession.contains("\"at\""));
    assertFalse(secondSession.contains("\"kind\""));
    assertFalse(secondSession.contains("\"case\": 0"));
    assertTrue(secondSession.contains("\"case\": 1"));
    assertFalse(secondSession.contains("\"mode\""));
  }

  @Test
  void write_instantsWithOffsets_areWrittenInUtc() throws IOException {
    String written = BalintJson.write(BalintJson.read(resource("realistic.json")));

    assertTrue(written.contains("\"start\": \"2026-09-03T12:00:00Z\""));
    assertTrue(written.contains("\"end\": \"2026-09-03T13:30:00.250Z\""));
    assertFalse(written.contains("+01:00"));
  }

  @Test
  void write_extensions_areWrittenBackAsTheSameObject() throws IOException {
    GroupRecord record = BalintJson.read(resource("realistic.json"));

    String written = BalintJson.write(record);

    assertTrue(written.contains("\"ids\": [\n"), written);
    assertTrue(written.contains("3e2"), "number text kept as written");
    assertEquals(record.extensions(), BalintJson.read(written.getBytes(UTF_8)).extensions());
  }

  @Test
  void read_unknownFieldsInsideExtensions_areKept() {
    String document =
        BalintJsonMalformedTest.replace(
            "\"title\":\"T\"",
            "\"title\":\"T\",\"extensions\":{\"speakr\":{\"phase\":\"DISCUS\",\"x\":[null,true,-0.5]}}");

    GroupRecord record = BalintJson.read(document.getBytes(UTF_8));

    assertEquals(
        "{\"speakr\":{\"phase\":\"DISCUS\",\"x\":[null,true,-0.5]}}",
        record.sessions().get(0).cases().get(0).extensions().orElseThrow().json());
  }

  @Test
  void read_textOf10000CodePoints_isAccepted() {
    String text = "\uD83D\uDE00".repeat(10_000);
    String document = BalintJsonMalformedTest.replace("Who has a case?", text);

    GroupRecord record = BalintJson.read(document.getBytes(UTF_8));

    assertEquals(text, record.sessions().get(0).contributions().get(0).text());
  }

  @Test
  void read_byteOrderMark_isAccepted() {
    byte[] document = BalintJsonMalformedTest.VALID.getBytes(UTF_8);
    byte[] withMark = new byte[document.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(document, 0, withMark, 3, document.length);

    assertEquals(BalintJson.read(document), BalintJson.read(withMark));
  }

  @Test
  void read_errorAfterByteOrderMark_countsColumnsWithoutIt() {
    byte[] json = "{\"format\":\"balint/1\",}".getBytes(UTF_8);
    byte[] document = new byte[json.length + 3];
    document[0] = (byte) 0xEF;
    document[1] = (byte) 0xBB;
    document[2] = (byte) 0xBF;
    System.arraycopy(json, 0, document, 3, json.length);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertEquals(
        "line 1, column 22: unexpected character '}' (was expecting double-quote to start field"
            + " name)",
        e.getMessage());
  }

  @Test
  void read_numericOffsetsAndLowerPrecision_giveTheSameInstant() {
    String document =
        BalintJsonMalformedTest.replace(
            "\"start\":\"2026-11-20T18:00:00Z\"", "\"start\":\"2026-11-20T13:00:00.000-05:00\"");

    assertEquals(
        Instant.parse("2026-11-20T18:00:00Z"),
        BalintJson.read(document.getBytes(UTF_8)).sessions().get(0).start());
  }

  @Test
  void read_streamAndFile_giveTheSameRecordAsBytes(@TempDir Path directory) throws IOException {
    byte[] document = resource("realistic.json");
    Path file = directory.resolve("realistic.json");
    Files.write(file, document);

    GroupRecord fromBytes = BalintJson.read(document);

    assertEquals(fromBytes, BalintJson.read(new ByteArrayInputStream(document)));
    assertEquals(fromBytes, BalintJson.read(file));
  }

  @Test
  void read_missingFile_throwsIoException(@TempDir Path directory) {
    assertThrows(
        java.nio.file.NoSuchFileException.class,
        () -> BalintJson.read(directory.resolve("absent.json")));
  }

  @Test
  void write_toStream_writesTheSameUtf8Bytes() throws IOException {
    GroupRecord record = BalintJson.read(resource("realistic.json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    BalintJson.write(record, out);

    assertArrayEquals(BalintJson.write(record).getBytes(UTF_8), out.toByteArray());
  }

  @Test
  void write_malformedExtensions_isRefusedAndWritesNothing() {
    GroupRecord record = specExample().withExtensions(Extensions.ofJson("{\"a\":}"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BalintJson.write(record, out));

    assertTrue(
        e.getMessage().startsWith("extensions at $.extensions cannot be written: malformed JSON"),
        e.getMessage());
    assertEquals(0, out.size());
  }

  @Test
  void write_malformedExtensionsOfALeaderOrAContribution_namesTheirPath() {
    GroupRecord example = specExample();
    Extensions broken = Extensions.ofJson("{\"a\":}");
    Session session = example.sessions().get(0);
    GroupRecord leader =
        example.withGroup(
            example.group().withLeaders(example.group().leaders().get(0).withExtensions(broken)));
    GroupRecord contribution =
        example.withSessions(
            session.withContributions(session.contributions().get(0).withExtensions(broken)));

    IllegalArgumentException leaderProblem =
        assertThrows(IllegalArgumentException.class, () -> BalintJson.write(leader));
    IllegalArgumentException contributionProblem =
        assertThrows(IllegalArgumentException.class, () -> BalintJson.write(contribution));

    assertTrue(
        leaderProblem.getMessage().startsWith("extensions at $.group.leaders[0].extensions "),
        leaderProblem.getMessage());
    assertTrue(
        contributionProblem
            .getMessage()
            .startsWith("extensions at $.sessions[0].contributions[0].extensions "),
        contributionProblem.getMessage());
  }

  @Test
  void write_extensionsWithSpaces_areWrittenAndReadBackCompact() {
    GroupRecord record =
        specExample().withExtensions(Extensions.ofJson("{ \"a\" : [ 1 , 2.50 ] }"));

    GroupRecord read = BalintJson.read(BalintJson.write(record).getBytes(UTF_8));

    assertEquals("{\"a\":[1,2.50]}", read.extensions().orElseThrow().json());
  }

  @Test
  void write_unpairedSurrogate_isRefused() {
    GroupRecord record = specExample().withGroup(specExample().group().withName("bad \uD800 name"));

    assertThrows(
        IllegalArgumentException.class,
        () -> BalintJson.write(record, new ByteArrayOutputStream()));
  }
}
