package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

class RedactorTest {
  /** Identifiers of every type, and harmless filler, to assemble texts from. */
  private static final ImmutableList<String> PIECES =
      ImmutableList.of(
          "Her NHS number is 943 476 5919.",
          "DOB 12/03/1961.",
          "Ring 020 7946 0958.",
          "Write to jane.smith@nhs.net today.",
          "She lives at LS6 2AB.",
          "Mrs Jane Smith came in.",
          "Her MRN is RXX1234567.",
          "It was 14 Acacia Avenue.",
          "I felt irritated.",
          "She takes 20 mg at 10:30.",
          "Ward 7, bed 4.",
          "\uD83D\uDE22 so sad.");

  private final Redactor redactor = Redactor.standard();

  @Test
  void redact_text_replacesEachIdentifierWithItsPlaceholder() {
    Redaction redaction =
        redactor.redact("Mrs Jane Smith, DOB 12/03/1961, rang from 07700 900123 again.");
    assertEquals("[NAME], DOB [DATE-OF-BIRTH], rang from [PHONE] again.", redaction.text());
    assertEquals(3, redaction.identifiers().size());
    assertEquals(20, redaction.identifiers().get(1).start());
    assertEquals(30, redaction.identifiers().get(1).end());
  }

  @Test
  void redact_cleanText_isUnchanged() {
    Redaction redaction = redactor.redact("I felt quite irritated listening to her.");
    assertTrue(redaction.isClean());
    assertEquals(redaction.original(), redaction.text());
  }

  @Test
  void redact_anyText_leavesNoIdentifierAndSpansIndexTheOriginal() {
    qt().forAll(lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 8))
        .checkAssert(
            indexes -> {
              StringBuilder text = new StringBuilder();
              indexes.forEach(i -> text.append(PIECES.get(i)).append(' '));
              String original = text.toString();
              Redaction redaction = redactor.redact(original);
              assertEquals(
                  ImmutableList.of(),
                  IdentifierDetector.standard().detect(redaction.text()),
                  redaction.text());
              StringBuilder rebuilt = new StringBuilder();
              int from = 0;
              for (Identifier identifier : redaction.identifiers()) {
                assertEquals(
                    identifier.text(), original.substring(identifier.start(), identifier.end()));
                rebuilt
                    .append(original, from, identifier.start())
                    .append(identifier.type().placeholder());
                from = identifier.end();
              }
              rebuilt.append(original.substring(from));
              assertEquals(rebuilt.toString(), redaction.text());
            });
  }

  @Test
  void redact_record_redactsTitlesAndContributionsButNotTheRoster() {
    GroupRecord record =
        Records.record(
            Records.session("s1", Instant.parse("2026-11-20T19:30:00Z"), Optional.empty()));
    GroupRecord redacted = redactor.redact(record);
    Session session = redacted.sessions().get(0);
    assertEquals("[NAME] and her list", session.cases().get(0).title());
    assertEquals(
        "She lives at [ADDRESS] and rings me on [PHONE].", session.contributions().get(1).text());
    assertEquals("Who has a case?", session.contributions().get(0).text());
    assertEquals(record.group(), redacted.group());
    assertEquals(record.sessions().get(0).present(), session.present());
  }

  @Test
  void redact_longContribution_staysWithinTheTextLimit() {
    String email = "a@b.co ";
    String text = email.repeat(Contribution.MAX_TEXT_LENGTH / email.length());
    Session session =
        Session.builder()
            .id("s1")
            .start(Instant.parse("2026-11-20T18:00:00Z"))
            .addCase(org.balint.session.Case.builder().presenter("m1").title("t").build())
            .addContribution(
                Contribution.builder().speaker("m1").phase(Phase.DISCUSSION).text(text).build())
            .build();
    String redacted = redactor.redact(session).contributions().get(0).text();
    assertEquals(Contribution.MAX_TEXT_LENGTH, redacted.length());
    assertTrue(redacted.startsWith("[EMAIL] [EMAIL]"));
  }

  @Test
  void redact_null_throws() {
    assertThrows(NullPointerException.class, () -> redactor.redact((String) null));
    assertThrows(NullPointerException.class, () -> Redactor.using(null));
  }

  @Test
  void using_customDetector_redactsWhatItFinds() {
    IdentifierDetector everything =
        text ->
            text.isEmpty()
                ? ImmutableList.of()
                : ImmutableList.of(
                    Identifier.builder()
                        .type(IdentifierType.NAME)
                        .start(0)
                        .end(text.length())
                        .text(text)
                        .build());
    assertEquals("[NAME]", Redactor.using(everything).redact("Ben").text());
  }

  @Test
  void builder_overlappingSpans_throws() {
    Identifier first =
        Identifier.builder().type(IdentifierType.NAME).start(0).end(5).text("Mrs A").build();
    Identifier second =
        Identifier.builder().type(IdentifierType.NAME).start(3).end(7).text("A B").build();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Redaction.builder()
                .original("Mrs A B")
                .text("x")
                .addIdentifiers(first, second)
                .build());
  }
}
