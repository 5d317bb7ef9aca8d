package org.balint.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** {@link IsoInstants#parse} answers as {@code ISO_OFFSET_DATE_TIME} does, on any text. */
class IsoInstantsTest {
  private static final String ALPHABET = "0123456789-+:.TZtz ";

  /** The formatter's answer: the instant, or the text "refused". */
  private static String reference(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant()
          .toString();
    } catch (DateTimeException e) {
      return "refused";
    }
  }

  private static String fast(String text) {
    try {
      return IsoInstants.parse(text).toString();
    } catch (DateTimeException e) {
      return "refused";
    }
  }

  /** An instant written with an offset and 0-9 fraction digits, as writers write them. */
  private static String written(long epochSecond, int nanos, int offsetMinutes, int digits) {
    OffsetDateTime time =
        Instant.ofEpochSecond(epochSecond, nanos)
            .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    String text = time.toLocalDateTime().withNano(0).toString();
    if (text.length() == 16) {
      text += ":00";
    }
    if (digits > 0) {
      text += "." + String.format("%09d", nanos).substring(0, digits);
    }
    return text
        + (offsetMinutes == 0 && digits % 2 == 0
            ? "Z"
            : time.getOffset().getId().replace("Z", "+00:00"));
  }

  @Test
  void parse_writtenInstants_agreesWithTheFormatter() {
    qt().withExamples(2000)
        .forAll(
            longs().between(-62_000_000_000L, 253_000_000_000L),
            integers().between(0, 999_999_999),
            integers().between(-18 * 60, 18 * 60),
            integers().between(0, 9))
        .checkAssert(
            (seconds, nanos, offset, digits) -> {
              String text = written(seconds, nanos, offset, digits);
              assertEquals(reference(text), fast(text), text);
            });
  }

  @Test
  void parse_mutatedInstants_agreesWithTheFormatter() {
    qt().withExamples(5000)
        .forAll(
            longs().between(0, 4_102_444_800L),
            integers().between(0, 28),
            integers().between(0, ALPHABET.length() - 1),
            integers().between(0, 2))
        .checkAssert(
            (seconds, position, replacement, how) -> {
              String text = written(seconds, 0, 60, 3);
              int at = Math.min(position, text.length() - 1);
              char c = ALPHABET.charAt(replacement);
              String mutated =
                  how == 0
                      ? text.substring(0, at) + c + text.substring(at + 1)
                      : how == 1
                          ? text.substring(0, at) + c + text.substring(at)
                          : text.substring(0, at) + text.substring(at + 1);
              assertEquals(reference(mutated), fast(mutated), mutated);
            });
  }

  @Test
  void parse_edgeCases_agreeWithTheFormatter() {
    for (String text :
        new String[] {
          "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-11-20T24:00:00Z",
          "2026-11-20T23:59:60Z", "2026-11-20T18:00Z", "2026-11-20t18:00:00z",
          "2026-11-20T18:00:00+18:00", "2026-11-20T18:00:00+18:01", "2026-11-20T18:00:00-00:00",
          "2026-11-20T18:00:00.Z", "2026-11-20T18:00:00.1234567891Z", "+12026-11-20T18:00:00Z",
          "2026-11-20T18:00:00+01:00:30", "2026-11-20T18:00:00+0100", "0000-01-01T00:00:00Z"
        }) {
      assertEquals(reference(text), fast(text), text);
    }
  }
}
