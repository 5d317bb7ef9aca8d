package org.balint.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.balint.session.GroupRecord;
import org.junit.jupiter.api.Test;

/** The optional {@code joined} and {@code left} dates of leaders and members (docs/format.md). */
class PersonDatesTest {
  private static String document(String leaderDates, String memberDates) {
    return "{\"format\":\"balint/1\",\"group\":{\"id\":\"riverside\",\"name\":\"Riverside\","
        + "\"leaders\":[{\"id\":\"L1\",\"name\":\"Dr Ana Reyes\",\"profession\":\"GP\","
        + "\"training\":\"ACCREDITED\""
        + leaderDates
        + "}],"
        + "\"members\":[{\"id\":\"m1\",\"name\":\"Dr Ben Ode\",\"profession\":\"GP_TRAINEE\""
        + memberDates
        + "},{\"id\":\"m2\",\"name\":\"Dr Cy Dee\",\"profession\":\"NURSE\"}]},"
        + "\"sessions\":[]}";
  }

  private static GroupRecord read(String json) {
    return BalintJson.read(json.getBytes(UTF_8));
  }

  @Test
  void read_joinedAndLeft_areTheDatesGiven() {
    GroupRecord record =
        read(
            document(
                ",\"joined\":\"2020-01-06\"",
                ",\"joined\":\"2024-09-02\",\"left\":\"2025-07-14\""));

    assertEquals(Optional.of(LocalDate.of(2020, 1, 6)), record.group().leaders().get(0).joined());
    assertEquals(Optional.empty(), record.group().leaders().get(0).left());
    assertEquals(Optional.of(LocalDate.of(2025, 7, 14)), record.group().members().get(0).left());
    assertFalse(record.group().members().get(0).isCurrent());
    assertEquals(1, record.group().currentMembers().size());
  }

  @Test
  void writeThenRead_isLossless_andAbsentDatesStayAbsent() {
    GroupRecord record =
        read(
            document(
                ",\"left\":\"2026-01-31\"", ",\"joined\":\"2024-09-02\",\"left\":\"2024-09-02\""));

    String written = BalintJson.write(record);

    assertEquals(record, read(written));
    assertEquals(1, written.split("\"joined\"", -1).length - 1, written);
    assertEquals(2, written.split("\"left\"", -1).length - 1, written);
  }

  @Test
  void read_leftBeforeJoined_isRefusedNamingThePerson() {
    BalintFormatException e =
        assertThrows(
            BalintFormatException.class,
            () -> read(document("", ",\"joined\":\"2025-09-01\",\"left\":\"2025-08-31\"")));

    assertTrue(e.getMessage().startsWith("$.group.members[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("left must not be before"), e.getMessage());
  }

  @Test
  void read_dateThatIsNotAnIsoDate_isRefusedWithItsPath() {
    BalintFormatException e =
        assertThrows(
            BalintFormatException.class, () -> read(document(",\"joined\":\"01/09/2025\"", "")));

    assertEquals(
        "$.group.leaders[0].joined: expected an ISO-8601 date, such as \"2025-09-01\", but was"
            + " \"01/09/2025\"",
        e.getMessage());
  }
}
