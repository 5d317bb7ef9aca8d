package org.balint.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One tidy table, written as RFC 4180 CSV by Jackson's CSV writer: UTF-8 without a byte-order mark,
 * a header row, {@code CRLF} line ends, fields quoted where they hold a comma, a quote or a line
 * break (quotes doubled), an empty cell for an absent value.
 *
 * <p>Rows are JSON objects whose fields are named as the columns; fields that are not columns are
 * left out, so a row built for another output (a violation's JSON line) can serve as it is.
 */
final class CsvTable {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final String name;
  private final ImmutableList<String> columns;
  private final List<ObjectNode> rows = new ArrayList<>();

  CsvTable(String name, String... columns) {
    this.name = name;
    this.columns = ImmutableList.copyOf(columns);
  }

  /**
   * The file name, such as {@code sessions.csv}.
   *
   * @return the name
   */
  String name() {
    return name;
  }

  /**
   * The columns, in order.
   *
   * @return the column names
   */
  ImmutableList<String> columns() {
    return columns;
  }

  /**
   * Starts a new row; fields not set stay empty.
   *
   * @return the row, to fill in
   */
  ObjectNode row() {
    ObjectNode row = JsonLines.object();
    rows.add(row);
    return row;
  }

  /**
   * Adds a row made elsewhere.
   *
   * @param row the row
   */
  void add(ObjectNode row) {
    rows.add(row);
  }

  /**
   * Writes the header and every row.
   *
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  void writeTo(OutputStream out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n");
    columns.forEach(schema::addColumn);
    ObjectNode header = JsonLines.object();
    columns.forEach(column -> header.put(column, column));
    try (SequenceWriter writer =
        MAPPER
            .writer(schema.build())
            .with(JsonGenerator.Feature.IGNORE_UNKNOWN)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out)) {
      // The header is a row of the column names, so that an empty table still has it.
      writer.write(header);
      for (ObjectNode row : rows) {
        writer.write(row);
      }
    }
  }
}
