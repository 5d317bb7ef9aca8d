package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes that are not well-formed UTF-8 are refused wherever they are, however Jackson would decode
 * them, and a string holding U+0000 is refused: the same document gives the same answer alone and
 * after others.
 */
class BalintJsonStrictUtf8Test {
  private static final String C0 = "$.sessions[0].contributions[0]";

  /** The valid document with {@code marker} in it replaced by raw bytes. */
  private static byte[] withBytes(String document, String marker, int... raw) {
    int at = document.indexOf(marker);
    byte[] before = document.substring(0, at).getBytes(UTF_8);
    byte[] after = document.substring(at + marker.length()).getBytes(UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before);
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(after);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "overlong slash C0 AF, 0xC0 0xAF, 192, 175, -1",
    "overlong NUL C0 80, 0xC0 0x80, 192, 128, -1",
    "overlong three bytes E0 80 AF, 0xE0 0x80 0xAF, 224, 128, 175",
  })
  void read_overlongEncodingInText_isRefusedWithItsPath(
      String name, String shown, int b1, int b2, int b3) {
    String document = BalintJsonMalformedTest.replace("Who has a case?", "Who has a case#");
    int offset = document.substring(0, document.indexOf('#')).getBytes(UTF_8).length;
    byte[] bytes = b3 < 0 ? withBytes(document, "#", b1, b2) : withBytes(document, "#", b1, b2, b3);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(bytes));

    assertEquals(C0 + ".text", e.jsonPath());
    assertEquals(
        "invalid UTF-8: an overlong encoding (" + shown + ") at byte offset " + offset,
        e.problem());
    assertEquals(OptionalInt.of(10), e.line());
    assertTrue(e.isSyntaxError());
  }

  @Test
  void read_fieldNameWithStrayBytes_isRefusedAloneAndAfterADocumentWithTheName() {
    // Jackson pads a short name's last four bytes with 0xFF to look it up among the names it has
    // seen: 0xFF 0xFF "id" is then taken for "id".
    byte[] broken =
        withBytes(
            BalintJsonMalformedTest.replace("{\"id\":\"m1\"", "{\"#id\":\"m1\""), "#", 0xFF, 0xFF);
    BalintJsonReader reader = BalintJsonReader.builder().build();

    BalintFormatException alone =
        assertThrows(BalintFormatException.class, () -> reader.read(broken));
    reader.read(BalintJsonMalformedTest.VALID.getBytes(UTF_8));
    BalintFormatException afterAnother =
        assertThrows(BalintFormatException.class, () -> reader.read(broken));

    assertEquals(alone.getMessage(), afterAnother.getMessage());
    assertEquals("$.group.members[0]", alone.jsonPath());
    assertTrue(alone.problem().startsWith("invalid UTF-8 byte 0xFF"), alone.getMessage());
  }

  @Test
  void read_escapedNulInText_isRefusedWithItsPath() {
    byte[] document =
        BalintJsonMalformedTest.replace("Who has a case?", "Who has\\u0000 a case?")
            .getBytes(UTF_8);

    BalintFormatException e =
        assertThrows(BalintFormatException.class, () -> BalintJson.read(document));

    assertEquals(C0 + ".text", e.jsonPath());
    assertEquals("the string holds U+0000 at character 7, which a text may not hold", e.problem());
  }
}
