package org.balint.report;

import com.google.common.collect.ImmutableList;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.balint.session.ContributionKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LayeredBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jspecify.annotations.Nullable;

/**
 * Draws the report's charts with JFreeChart onto JFreeSVG, so that each is an inline {@code <svg>}
 * (its text escaped by JFreeSVG, its definitions prefixed by the chart's id so that several charts
 * share a page), and gives each its title, a description and its figures as a table.
 */
final class Charts {
  private static final String FONT = "SansSerif";
  private static final int WIDTH = 440;
  private static final int WIDE = 1100;
  private static final String PLAN = "planned (longest)";
  private static final String TOOK = "took";

  private Charts() {}

  /** A phase of a session as the timeline draws it; a phase without a plan has NaN bounds. */
  record PhaseBar(String label, double tookMinutes, double planMinimum, double planMaximum) {
    boolean planned() {
      return !Double.isNaN(planMaximum);
    }

    boolean overran() {
      return planned() && tookMinutes > planMaximum;
    }
  }

  /** Who a speaker is in the session, for the participation chart's colours. */
  enum Role {
    PRESENTER("presenter", Palette.PRESENTER),
    LEADER("leader", Palette.LEADER),
    MEMBER("member", Palette.MEMBER);

    final String label;
    final Color colour;

    Role(String label, Color colour) {
      this.label = label;
      this.colour = colour;
    }
  }

  /** One person present, with what they said. */
  record Speaker(String name, Role role, int turns, int words) {
    /** The name with the role, except for members: "Dr Ana Reyes · leader". */
    String label() {
      return role == Role.MEMBER ? name : name + " · " + role.label;
    }

    /** The name with the role in brackets, except for members. */
    String described() {
      return role == Role.MEMBER ? name : name + " (" + role.label + ")";
    }
  }

  /**
   * The kinds of one phase's contributions, counted by kind ordinal, coded and classified apart.
   */
  record PhaseKinds(String label, int[] coded, int[] classified) {}

  /**
   * One session in the trend: its label, its kinds after the presentation by ordinal, its fidelity.
   */
  record SessionPoint(String label, int[] kinds, double fidelity) {}

  /**
   * The phases of a session against the protocol's plan.
   *
   * @param id the chart's id
   * @param bars the phases in the order the session reached them
   * @return the chart
   */
  static Chart timeline(String id, List<PhaseBar> bars) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    ImmutableList.Builder<Chart.Row> rows = ImmutableList.builder();
    StringBuilder overran = new StringBuilder();
    for (PhaseBar bar : bars) {
      data.addValue(bar.planned() ? bar.planMaximum() : 0, PLAN, bar.label());
      data.addValue(bar.tookMinutes(), TOOK, bar.label());
      String plan =
          !bar.planned()
              ? "not planned"
              : bar.planMinimum() == bar.planMaximum()
                  ? minutes(bar.planMaximum())
                  : minutes(bar.planMinimum()) + "–" + minutes(bar.planMaximum());
      String verdict =
          !bar.planned()
              ? ""
              : bar.overran()
                  ? "over by " + minutes(bar.tookMinutes() - bar.planMaximum()) + " min"
                  : bar.tookMinutes() < bar.planMinimum() ? "short" : "within plan";
      rows.add(row(bar.label(), minutes(bar.tookMinutes()), plan, verdict));
      if (bar.overran()) {
        overran
            .append(overran.length() == 0 ? "" : "; ")
            .append(bar.label())
            .append(" ran ")
            .append(minutes(bar.tookMinutes()))
            .append(" min, ")
            .append(minutes(bar.tookMinutes() - bar.planMaximum()))
            .append(" over its plan");
      }
    }
    LayeredBarRenderer renderer =
        new LayeredBarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            if (row == 0) {
              return Palette.PLAN;
            }
            return bars.get(column).overran() ? Palette.OVER_PLAN : Palette.WITHIN_PLAN;
          }
        };
    renderer.setSeriesBarWidth(0, 0.9);
    renderer.setSeriesBarWidth(1, 0.4);
    labelAfterBars(
        renderer,
        (row, column) -> {
          if (row == 0) {
            return null;
          }
          PhaseBar bar = bars.get(column);
          return minutes(bar.tookMinutes())
              + " min"
              + (bar.overran() ? "  +" + minutes(bar.tookMinutes() - bar.planMaximum()) : "");
        });
    CategoryPlot plot = plot(data, renderer, "minutes", PlotOrientation.HORIZONTAL);
    plot.getRangeAxis().setUpperMargin(0.18);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(swatch("planned (longest)", Palette.PLAN));
    legend.add(swatch("within plan", Palette.WITHIN_PLAN));
    legend.add(swatch("over plan", Palette.OVER_PLAN));
    plot.setFixedLegendItems(legend);
    String description =
        overran.length() == 0
            ? "Each phase kept within the longest time the protocol plans for it."
            : overran + ".";
    return chart(
        id,
        "Phases against the plan",
        description,
        plot,
        true,
        WIDTH,
        70 + 34 * bars.size(),
        ImmutableList.of("phase", "took (min)", "planned (min)", ""),
        rows.build());
  }

  /**
   * Who spoke in a session, most words first; silent people have no bar.
   *
   * @param id the chart's id
   * @param speakers everyone present, most words first
   * @return the chart
   */
  static Chart participation(String id, List<Speaker> speakers) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    ImmutableList.Builder<Chart.Row> rows = ImmutableList.builder();
    for (Speaker speaker : speakers) {
      data.addValue(speaker.words(), "words", speaker.label());
      rows.add(
          row(
              speaker.name(),
              speaker.role().label,
              String.valueOf(speaker.turns()),
              String.valueOf(speaker.words())));
    }
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return speakers.get(column).role().colour;
          }
        };
    renderer.setMaximumBarWidth(0.8);
    renderer.setItemMargin(0);
    labelAfterBars(
        renderer,
        (row, column) -> {
          Speaker speaker = speakers.get(column);
          return speaker.turns() == 0
              ? "silent"
              : speaker.turns()
                  + (speaker.turns() == 1 ? " turn, " : " turns, ")
                  + speaker.words()
                  + " words";
        });
    CategoryPlot plot = plot(data, renderer, "words", PlotOrientation.HORIZONTAL);
    plot.getRangeAxis().setUpperMargin(0.6);
    LegendItemCollection legend = new LegendItemCollection();
    for (Role role : Role.values()) {
      legend.add(swatch(role.label, role.colour));
    }
    plot.setFixedLegendItems(legend);
    Speaker most = speakers.get(0);
    List<String> silent =
        speakers.stream().filter(speaker -> speaker.turns() == 0).map(Speaker::described).toList();
    String description =
        (most.words() == 0
                ? "Nobody spoke. "
                : most.described() + " spoke most: " + most.words() + " words. ")
            + (silent.isEmpty()
                ? "Everyone present spoke."
                : "Silent: " + String.join(", ", silent) + ".");
    return chart(
        id,
        "Who spoke",
        description,
        plot,
        true,
        WIDTH,
        70 + 26 * speakers.size(),
        ImmutableList.of("person", "role", "turns", "words"),
        rows.build());
  }

  /**
   * The kinds of contribution in each phase after the presentation, coded and classified apart.
   *
   * @param id the chart's id
   * @param phases the phases with contributions, in order
   * @return the chart
   */
  static Chart kindsByPhase(String id, List<PhaseKinds> phases) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    StackedBarRenderer renderer = new StackedBarRenderer();
    int series = 0;
    for (ContributionKind kind : Palette.KIND_ORDER) {
      for (boolean coded : new boolean[] {true, false}) {
        String key = kind + (coded ? " (coded)" : " (classified)");
        for (PhaseKinds phase : phases) {
          int[] counts = coded ? phase.coded() : phase.classified();
          data.addValue(counts[kind.ordinal()], key, phase.label());
        }
        renderer.setSeriesPaint(series++, coded ? Palette.coded(kind) : Palette.classified(kind));
      }
    }
    renderer.setMaximumBarWidth(0.6);
    renderer.setDrawBarOutline(true);
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
    CategoryPlot plot = plot(data, renderer, "contributions", PlotOrientation.HORIZONTAL);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ImmutableList.Builder<Chart.Row> rows = ImmutableList.builder();
    StringBuilder offMethod = new StringBuilder();
    for (PhaseKinds phase : phases) {
      for (ContributionKind kind : Palette.KIND_ORDER) {
        int coded = phase.coded()[kind.ordinal()];
        int classified = phase.classified()[kind.ordinal()];
        if (coded + classified > 0) {
          rows.add(
              row(phase.label(), kind.name(), String.valueOf(coded), String.valueOf(classified)));
        }
        if (coded + classified > 0 && Palette.KIND_ORDER.indexOf(kind) >= 4) {
          offMethod
              .append(offMethod.length() == 0 ? "" : ", ")
              .append(coded + classified)
              .append(' ')
              .append(kind.name())
              .append(" in ")
              .append(phase.label());
        }
      }
    }
    String description =
        offMethod.length() == 0
            ? "Nothing after the presentation broke the method."
            : "Off the method: " + offMethod + ".";
    return chart(
        id,
        "Kinds of contribution by phase",
        description,
        plot,
        false,
        WIDTH,
        70 + 40 * phases.size(),
        ImmutableList.of("phase", "kind", "coded", "classified"),
        rows.build());
  }

  /**
   * The mix of kinds and the fidelity index of each session, in time order.
   *
   * @param id the chart's id
   * @param sessions the sessions with contributions after the presentation, oldest first
   * @return the chart
   */
  static Chart overTime(String id, List<SessionPoint> sessions) {
    DefaultCategoryDataset kinds = new DefaultCategoryDataset();
    StackedBarRenderer bars = new StackedBarRenderer(true);
    int series = 0;
    for (ContributionKind kind : Palette.KIND_ORDER) {
      for (SessionPoint session : sessions) {
        kinds.addValue(session.kinds()[kind.ordinal()], kind.name(), session.label());
      }
      bars.setSeriesPaint(series++, Palette.coded(kind));
    }
    bars.setMaximumBarWidth(0.12);
    bars.setDrawBarOutline(true);
    bars.setDefaultOutlinePaint(Color.WHITE);
    DefaultCategoryDataset fidelity = new DefaultCategoryDataset();
    ImmutableList.Builder<Chart.Row> rows = ImmutableList.builder();
    SessionPoint lowest = sessions.get(0);
    for (SessionPoint session : sessions) {
      fidelity.addValue(session.fidelity(), "fidelity", session.label());
      if (session.fidelity() < lowest.fidelity()) {
        lowest = session;
      }
      int total = 0;
      for (int count : session.kinds()) {
        total += count;
      }
      int off =
          session.kinds()[ContributionKind.CLINICAL.ordinal()]
              + session.kinds()[ContributionKind.NEW_CASE.ordinal()]
              + session.kinds()[ContributionKind.JUDGEMENT.ordinal()];
      rows.add(
          row(
              session.label(),
              String.valueOf(total),
              percent(
                  total == 0
                      ? 0
                      : (double) session.kinds()[ContributionKind.CLINICAL.ordinal()] / total),
              percent(total == 0 ? 0 : (double) off / total),
              String.format(Locale.ROOT, "%.2f", session.fidelity())));
    }
    CategoryPlot plot = plot(kinds, bars, "share of contributions", PlotOrientation.VERTICAL);
    NumberAxis shares = (NumberAxis) plot.getRangeAxis();
    shares.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
    shares.setUpperBound(1.0);
    NumberAxis index = axis("fidelity index");
    index.setRange(0, 1.12);
    plot.setRangeAxis(1, index);
    plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
    plot.setDataset(1, fidelity);
    plot.mapDatasetToRangeAxis(1, 1);
    LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, Palette.INK);
    line.setSeriesStroke(0, new BasicStroke(2.5f));
    line.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    line.setDefaultItemLabelGenerator(
        labels(
            (row, column) -> String.format(Locale.ROOT, "%.2f", sessions.get(column).fidelity())));
    line.setDefaultItemLabelsVisible(true);
    line.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 12));
    line.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    plot.setRenderer(1, line);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    if (sessions.size() > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    LegendItemCollection legend = new LegendItemCollection();
    LegendItem fidelityItem =
        new LegendItem(
            "fidelity index (right axis)",
            null,
            null,
            null,
            new Rectangle2D.Double(-6, -2, 12, 4),
            Palette.INK);
    legend.add(fidelityItem);
    plot.setFixedLegendItems(legend);
    String description =
        sessions.size() == 1
            ? "One session, fidelity " + String.format(Locale.ROOT, "%.2f", lowest.fidelity()) + "."
            : "Drifted most: "
                + lowest.label()
                + " (fidelity "
                + String.format(Locale.ROOT, "%.2f", lowest.fidelity())
                + ").";
    return chart(
        id,
        "Kinds of contribution and fidelity over time",
        description,
        plot,
        true,
        WIDE,
        300,
        ImmutableList.of("session", "contributions", "clinical", "off the method", "fidelity"),
        rows.build());
  }

  private static CategoryPlot plot(
      CategoryDataset data, BarRenderer renderer, String valueLabel, PlotOrientation orientation) {
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 11));
    renderer.setDefaultItemLabelPaint(Palette.INK);
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
    categories.setTickLabelPaint(Palette.INK);
    categories.setAxisLineVisible(false);
    categories.setTickMarksVisible(false);
    categories.setCategoryMargin(0.25);
    if (PlotOrientation.HORIZONTAL.equals(orientation)) {
      categories.setMaximumCategoryLabelWidthRatio(0.42f);
    }
    CategoryPlot plot = new CategoryPlot(data, categories, axis(valueLabel), renderer);
    plot.setOrientation(orientation);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(4, 4, 4, 12));
    return plot;
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setLabelFont(new Font(FONT, Font.PLAIN, 11));
    axis.setLabelPaint(Palette.MUTED);
    axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
    axis.setTickLabelPaint(Palette.MUTED);
    axis.setAxisLineVisible(false);
    axis.setTickMarksVisible(false);
    return axis;
  }

  private static Chart chart(
      String id,
      String title,
      String description,
      CategoryPlot plot,
      boolean legend,
      int width,
      int height,
      ImmutableList<String> headers,
      ImmutableList<Chart.Row> rows) {
    JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 14), plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 4, 4, 4));
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setFrame(BlockBorder.NONE);
      legendTitle.setBackgroundPaint(Color.WHITE);
      legendTitle.setItemPaint(Palette.INK);
      legendTitle.setPosition(RectangleEdge.TOP);
      legendTitle.setItemFont(new Font(FONT, Font.PLAIN, 11));
    }
    SVGGraphics2D svg = new SVGGraphics2D(width, height);
    svg.setDefsKeyPrefix(id + "-");
    chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
    String element =
        svg.getSVGElement(
            id,
            false,
            new ViewBox(0, 0, width, height),
            PreserveAspectRatio.XMID_YMID,
            MeetOrSlice.MEET);
    return new Chart(id, title, description, element, headers, rows);
  }

  private static LegendItem swatch(String label, Color colour) {
    return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), colour);
  }

  /** Labels each bar of a horizontal chart just past its end. */
  private static void labelAfterBars(BarRenderer renderer, LabelText text) {
    renderer.setDefaultItemLabelGenerator(labels(text));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
  }

  /** Item labels from a function of the row and column; null leaves an item unlabelled. */
  private static CategoryItemLabelGenerator labels(LabelText text) {
    return new CategoryItemLabelGenerator() {
      @Override
      public String generateRowLabel(CategoryDataset dataset, int row) {
        return dataset.getRowKey(row).toString();
      }

      @Override
      public String generateColumnLabel(CategoryDataset dataset, int column) {
        return dataset.getColumnKey(column).toString();
      }

      @Override
      public @Nullable String generateLabel(CategoryDataset dataset, int row, int column) {
        return text.of(row, column);
      }
    };
  }

  /** The text of one item label. */
  @FunctionalInterface
  private interface LabelText {
    @Nullable String of(int row, int column);
  }

  private static Chart.Row row(String... cells) {
    return new Chart.Row(ImmutableList.copyOf(cells));
  }

  private static String minutes(double minutes) {
    return String.valueOf(Math.round(minutes));
  }

  private static String percent(double share) {
    return Math.round(100 * share) + "%";
  }
}
