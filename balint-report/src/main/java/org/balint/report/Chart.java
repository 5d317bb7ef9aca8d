package org.balint.report;

import com.google.common.collect.ImmutableList;

/**
 * One chart of the report: the drawing as inline SVG and its text alternatives, a title, a sentence
 * that says what the chart shows, and the figures it draws as a table.
 *
 * @param id the chart's id in the page (unique, and the prefix of its SVG definitions)
 * @param title what the chart is of
 * @param description what a reader should see in it, in words
 * @param svg the drawing, an {@code <svg>} element
 * @param headers the table's column headings
 * @param rows the table's rows, cells as text
 */
record Chart(
    String id,
    String title,
    String description,
    String svg,
    ImmutableList<String> headers,
    ImmutableList<Row> rows) {

  /**
   * One row of a chart's table.
   *
   * @param cells the cells, as text
   */
  record Row(ImmutableList<String> cells) {}
}
