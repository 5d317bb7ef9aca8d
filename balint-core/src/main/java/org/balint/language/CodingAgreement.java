package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import org.balint.session.ContributionKind;

/**
 * How far two codings of the same contributions agree: the confusion matrix over the seven kinds,
 * Cohen's κ, the agreement on each kind, and the contributions they disagree on.
 *
 * <p>Definitions, over the {@code n} contributions both coded, with {@code n(a, b)} the number the
 * first coder gave kind {@code a} and the second kind {@code b}:
 *
 * <ul>
 *   <li>observed agreement {@code p_o = Σ n(k, k) / n};
 *   <li>agreement expected by chance {@code p_e = Σ_k (row_k / n)(column_k / n)}, where {@code
 *       row_k} is how often the first coder gave {@code k} and {@code column_k} the second;
 *   <li>Cohen's κ {@code = (p_o - p_e) / (1 - p_e)}: 1 for perfect agreement, 0 for what chance
 *       gives, negative below it; undefined ({@code NaN}) when {@code p_e = 1}, that is when both
 *       coders gave one and the same kind throughout;
 *   <li>the agreement on a kind (specific, or positive, agreement) {@code 2 n(k, k) / (row_k +
 *       column_k)}: of the times either coder gave the kind, the share both did; {@code NaN} when
 *       neither gave it.
 * </ul>
 */
public final class CodingAgreement {
  private static final ContributionKind[] KINDS = ContributionKind.values();

  private final ImmutableList<CodedPair> pairs;
  private final int[][] confusion = new int[KINDS.length][KINDS.length];

  private CodingAgreement(ImmutableList<CodedPair> pairs) {
    this.pairs = pairs;
    for (CodedPair pair : pairs) {
      confusion[pair.first().ordinal()][pair.second().ordinal()]++;
    }
  }

  /**
   * Compares two codings.
   *
   * @param pairs the contributions both coded, each with both kinds
   * @return the agreement
   * @throws IllegalArgumentException if {@code pairs} is empty
   */
  public static CodingAgreement of(List<CodedPair> pairs) {
    checkNotNull(pairs, "pairs");
    checkArgument(!pairs.isEmpty(), "pairs must not be empty: there is nothing to compare");
    return new CodingAgreement(ImmutableList.copyOf(pairs));
  }

  /**
   * The contributions compared, in the order given.
   *
   * @return the pairs
   */
  public ImmutableList<CodedPair> pairs() {
    return pairs;
  }

  /**
   * The contributions the coders disagree on, in the order given.
   *
   * @return the pairs whose kinds differ
   */
  public ImmutableList<CodedPair> disagreements() {
    return pairs.stream().filter(pair -> !pair.agrees()).collect(ImmutableList.toImmutableList());
  }

  /**
   * A cell of the confusion matrix.
   *
   * @param first the kind the first coder gave
   * @param second the kind the second coder gave
   * @return how many contributions got these two kinds
   */
  public int count(ContributionKind first, ContributionKind second) {
    return confusion[first.ordinal()][second.ordinal()];
  }

  /**
   * How often the first coder gave a kind.
   *
   * @param kind the kind
   * @return the row total
   */
  public int firstCount(ContributionKind kind) {
    return rowTotal(confusion, kind.ordinal());
  }

  /**
   * How often the second coder gave a kind.
   *
   * @param kind the kind
   * @return the column total
   */
  public int secondCount(ContributionKind kind) {
    return columnTotal(confusion, kind.ordinal());
  }

  /**
   * The number of contributions compared.
   *
   * @return {@code n}
   */
  public int total() {
    return pairs.size();
  }

  /**
   * The share of contributions given the same kind.
   *
   * @return {@code p_o}
   */
  public double observed() {
    return observed(confusion);
  }

  /**
   * The agreement expected by chance from each coder's use of the kinds.
   *
   * @return {@code p_e}
   */
  public double expected() {
    return expected(confusion);
  }

  /**
   * Cohen's κ.
   *
   * @return {@code (p_o - p_e) / (1 - p_e)}, or {@code NaN} when {@code p_e = 1}
   */
  public double kappa() {
    return kappa(confusion);
  }

  /**
   * The specific agreement on a kind.
   *
   * @param kind the kind
   * @return {@code 2 n(k, k) / (row_k + column_k)}, or {@code NaN} when neither coder gave it
   */
  public double agreement(ContributionKind kind) {
    int either = firstCount(kind) + secondCount(kind);
    return either == 0 ? Double.NaN : 2.0 * count(kind, kind) / either;
  }

  /**
   * A plain-text report: the confusion matrix (rows the first coder, columns the second), each
   * kind's counts and agreement, then the observed and expected agreement and κ.
   *
   * @param first what to call the first coder in the report
   * @param second what to call the second coder
   * @return the report, lines ending in {@code \n}
   */
  public String toTable(String first, String second) {
    StringBuilder out = new StringBuilder();
    out.append("rows: ").append(first).append("; columns: ").append(second).append('\n');
    appendMatrix(out, "first \\ second", confusion);
    out.append('\n');
    out.append(
        String.format(Locale.ROOT, "%-14s%8s%8s%11s%n", "kind", "first", "second", "agreement"));
    for (ContributionKind kind : KINDS) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-14s%8d%8d%11s%n",
              kind,
              firstCount(kind),
              secondCount(kind),
              format(agreement(kind))));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "observed agreement %.3f (%d/%d)   expected by chance %.3f   Cohen's kappa %s%n",
            observed(),
            total() - disagreements().size(),
            total(),
            expected(),
            format(kappa())));
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * Appends a confusion matrix over the seven kinds with row totals, one row a line.
   *
   * @param out where to write
   * @param corner the label of the top-left cell
   * @param confusion the counts, by row kind and column kind
   */
  static void appendMatrix(StringBuilder out, String corner, int[][] confusion) {
    out.append(String.format(Locale.ROOT, "%-14s", corner));
    for (ContributionKind kind : KINDS) {
      out.append(String.format(Locale.ROOT, "%6s", kind.name().replace("_", "").substring(0, 4)));
    }
    out.append(String.format(Locale.ROOT, "%7s%n", "total"));
    for (ContributionKind row : KINDS) {
      out.append(String.format(Locale.ROOT, "%-14s", row));
      for (ContributionKind column : KINDS) {
        out.append(String.format(Locale.ROOT, "%6d", confusion[row.ordinal()][column.ordinal()]));
      }
      out.append(String.format(Locale.ROOT, "%7d%n", rowTotal(confusion, row.ordinal())));
    }
  }

  static int rowTotal(int[][] confusion, int row) {
    int sum = 0;
    for (int column = 0; column < KINDS.length; column++) {
      sum += confusion[row][column];
    }
    return sum;
  }

  static int columnTotal(int[][] confusion, int column) {
    int sum = 0;
    for (int row = 0; row < KINDS.length; row++) {
      sum += confusion[row][column];
    }
    return sum;
  }

  private static int total(int[][] confusion) {
    int sum = 0;
    for (int row = 0; row < KINDS.length; row++) {
      sum += rowTotal(confusion, row);
    }
    return sum;
  }

  private static double observed(int[][] confusion) {
    int total = total(confusion);
    if (total == 0) {
      return Double.NaN;
    }
    int agreed = 0;
    for (int k = 0; k < KINDS.length; k++) {
      agreed += confusion[k][k];
    }
    return (double) agreed / total;
  }

  private static double expected(int[][] confusion) {
    double total = total(confusion);
    if (total == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int k = 0; k < KINDS.length; k++) {
      sum += (rowTotal(confusion, k) / total) * (columnTotal(confusion, k) / total);
    }
    return sum;
  }

  /**
   * Cohen's κ of a confusion matrix over the seven kinds.
   *
   * @param confusion the counts, by first kind and second kind
   * @return κ, or {@code NaN} when the matrix is empty or chance agreement is 1
   */
  static double kappa(int[][] confusion) {
    double expected = expected(confusion);
    if (Double.isNaN(expected) || expected >= 1) {
      return Double.NaN;
    }
    return (observed(confusion) - expected) / (1 - expected);
  }
}
