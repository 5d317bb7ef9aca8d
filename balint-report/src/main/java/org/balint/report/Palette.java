package org.balint.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.balint.session.ContributionKind;

/**
 * The report's colours: one per contribution kind, the same in every chart and in the legend, with
 * the kinds the method asks for in cool colours and the kinds that break it in warm ones; a paler
 * tint of a kind marks what the classifier decided rather than a person.
 */
final class Palette {
  /** The kinds in the order charts stack them: the method's own first, then what breaks it. */
  static final ImmutableList<ContributionKind> KIND_ORDER =
      ImmutableList.of(
          ContributionKind.FEELING,
          ContributionKind.SPECULATION,
          ContributionKind.QUESTION,
          ContributionKind.FACILITATION,
          ContributionKind.CLINICAL,
          ContributionKind.NEW_CASE,
          ContributionKind.JUDGEMENT);

  static final Color INK = new Color(0x1f2d3d);
  static final Color MUTED = new Color(0x5f6b76);
  static final Color GRID = new Color(0xe3e7eb);
  static final Color PLAN = new Color(0xc9d3de);
  static final Color WITHIN_PLAN = new Color(0x5b7fa6);
  static final Color OVER_PLAN = new Color(0xc8414b);
  static final Color MEMBER = new Color(0x8d9cab);
  static final Color LEADER = new Color(0x44525f);
  static final Color PRESENTER = new Color(0xa9793f);

  private static final Map<ContributionKind, Color> KINDS = new EnumMap<>(ContributionKind.class);

  static {
    KINDS.put(ContributionKind.FEELING, new Color(0x2f8f9d));
    KINDS.put(ContributionKind.SPECULATION, new Color(0x5d5aa6));
    KINDS.put(ContributionKind.QUESTION, new Color(0x7fa7c9));
    KINDS.put(ContributionKind.FACILITATION, new Color(0x9aa88a));
    KINDS.put(ContributionKind.CLINICAL, new Color(0xc8414b));
    KINDS.put(ContributionKind.NEW_CASE, new Color(0xe09a2d));
    KINDS.put(ContributionKind.JUDGEMENT, new Color(0x8e4a86));
  }

  private Palette() {}

  /** The colour of a kind a person coded. */
  static Color coded(ContributionKind kind) {
    return requireNonNull(KINDS.get(kind)); // every kind has a colour
  }

  /** The colour of a kind the classifier decided: the coded colour, paler. */
  static Color classified(ContributionKind kind) {
    Color colour = coded(kind);
    return new Color(pale(colour.getRed()), pale(colour.getGreen()), pale(colour.getBlue()));
  }

  /** A colour as CSS writes it. */
  static String css(Color colour) {
    return String.format(
        Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
  }

  private static int pale(int channel) {
    return channel + (255 - channel) * 11 / 20;
  }
}
