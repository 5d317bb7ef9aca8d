package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.balint.session.ContributionKind;
import org.junit.jupiter.api.Test;

class CodingAgreementTest {
  private static CodedPair pair(String id, ContributionKind first, ContributionKind second) {
    return CodedPair.builder().id(id).first(first).second(second).build();
  }

  @Test
  void kappa_textbookExample() {
    // 50 items, two kinds: 20 both FEELING, 15 both SPECULATION, 5 F/S, 10 S/F.
    // p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.4.
    List<CodedPair> pairs = new ArrayList<>();
    add(pairs, 20, ContributionKind.FEELING, ContributionKind.FEELING);
    add(pairs, 5, ContributionKind.FEELING, ContributionKind.SPECULATION);
    add(pairs, 10, ContributionKind.SPECULATION, ContributionKind.FEELING);
    add(pairs, 15, ContributionKind.SPECULATION, ContributionKind.SPECULATION);
    CodingAgreement agreement = CodingAgreement.of(pairs);

    assertEquals(0.7, agreement.observed(), 1e-12);
    assertEquals(0.5, agreement.expected(), 1e-12);
    assertEquals(0.4, agreement.kappa(), 1e-12);
    assertEquals(15, agreement.disagreements().size());
    assertEquals("20", agreement.disagreements().get(0).id());
    assertEquals(40.0 / 55, agreement.agreement(ContributionKind.FEELING), 1e-12);
    assertTrue(Double.isNaN(agreement.agreement(ContributionKind.CLINICAL)));
    assertEquals(25, agreement.firstCount(ContributionKind.FEELING));
    assertEquals(30, agreement.secondCount(ContributionKind.FEELING));
    assertTrue(agreement.toTable("a", "b").contains("Cohen's kappa 0.400"));
  }

  private static void add(
      List<CodedPair> pairs, int n, ContributionKind first, ContributionKind second) {
    for (int i = 0; i < n; i++) {
      pairs.add(pair(pairs.size() + "", first, second));
    }
  }

  @Test
  void kappa_oneKindThroughoutIsUndefined() {
    CodingAgreement agreement =
        CodingAgreement.of(
            List.of(pair("a", ContributionKind.QUESTION, ContributionKind.QUESTION)));
    assertEquals(1.0, agreement.observed(), 0);
    assertTrue(Double.isNaN(agreement.kappa()));
    assertTrue(agreement.toTable("a", "b").contains("Cohen's kappa undefined"));
  }

  @Test
  void of_nothingToCompare_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> CodingAgreement.of(List.of()));
  }

  @Test
  void kappa_isAtMostOneAndOneOnlyForPerfectAgreement_andSymmetric() {
    ContributionKind[] kinds = ContributionKind.values();
    qt().forAll(lists().of(integers().between(0, 48)).ofSizeBetween(1, 60))
        .checkAssert(
            codes -> {
              List<CodedPair> pairs = new ArrayList<>();
              List<CodedPair> swapped = new ArrayList<>();
              for (int i = 0; i < codes.size(); i++) {
                ContributionKind first = kinds[codes.get(i) / 7];
                ContributionKind second = kinds[codes.get(i) % 7];
                pairs.add(pair("c" + i, first, second));
                swapped.add(pair("c" + i, second, first));
              }
              CodingAgreement agreement = CodingAgreement.of(pairs);
              double kappa = agreement.kappa();
              if (!Double.isNaN(kappa)) {
                assertTrue(kappa <= 1 + 1e-12, () -> "kappa " + kappa);
                assertEquals(agreement.disagreements().isEmpty(), kappa > 1 - 1e-12);
                assertEquals(kappa, CodingAgreement.of(swapped).kappa(), 1e-12);
              }
              assertEquals(
                  agreement.total() - agreement.disagreements().size(),
                  Math.round(agreement.observed() * agreement.total()));
            });
  }
}
