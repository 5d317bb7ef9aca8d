package org.balint.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.balint.Ids;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/** The shared generators cover what the tests that use them rely on. */
class RecordGeneratorsTest {
  @Test
  void ids_areWellFormed() {
    qt().forAll(RecordGenerators.ids()).checkAssert(id -> assertTrue(Ids.isWellFormed(id), id));
  }

  @Test
  void texts_stayWithinTheirLengthAndHoldNoUnpairedSurrogate() {
    qt().forAll(RecordGenerators.texts(50))
        .checkAssert(
            text -> {
              int length = text.codePointCount(0, text.length());
              assertTrue(length >= 1 && length <= 50, text);
              assertTrue(
                  text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE),
                  text);
            });
  }

  @Test
  void groupRecords_coverOptionalFieldsExtensionsAndSeveralSessionsAndCases() {
    List<GroupRecord> records = new ArrayList<>();
    qt().withExamples(300).forAll(RecordGenerators.groupRecords()).checkAssert(records::add);
    List<Session> sessions = records.stream().flatMap(r -> r.sessions().stream()).toList();
    List<Contribution> contributions =
        sessions.stream().flatMap(s -> s.contributions().stream()).toList();

    assertTrue(records.stream().anyMatch(r -> r.sessions().size() >= 3));
    assertTrue(records.stream().anyMatch(r -> r.extensions().isPresent()));
    assertTrue(records.stream().anyMatch(r -> r.extensions().isEmpty()));
    assertTrue(sessions.stream().anyMatch(s -> s.end().isPresent()));
    assertTrue(sessions.stream().anyMatch(s -> s.end().isEmpty()));
    assertTrue(sessions.stream().anyMatch(s -> s.recording().isPresent()));
    assertTrue(sessions.stream().anyMatch(s -> s.cases().size() == 2));
    assertTrue(sessions.stream().anyMatch(s -> s.extensions().isPresent()));
    assertTrue(
        contributions.stream()
            .anyMatch(c -> c.at().isPresent() && c.at().get().getNano() % 1_000_000 != 0));
    assertTrue(contributions.stream().anyMatch(c -> c.at().isEmpty()));
    assertTrue(contributions.stream().anyMatch(c -> c.kind().isPresent()));
    assertTrue(contributions.stream().anyMatch(c -> c.caseIndex() == 1));
    assertTrue(
        contributions.stream()
            .anyMatch(c -> c.text().codePoints().anyMatch(Character::isSupplementaryCodePoint)));
    assertTrue(
        contributions.stream()
            .anyMatch(c -> c.extensions().map(e -> e.json().contains("[")).orElse(false)));
  }
}
