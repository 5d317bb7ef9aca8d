package org.balint.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.balint.method.Violation;

/**
 * Writes violations as JSON Lines: {@code {"file", "group", "session", "contribution", "rule",
 * "severity", "message"}}, with {@code session} and {@code contribution} null where they do not
 * apply.
 */
final class ViolationLines {
  private final PrintWriter out;

  ViolationLines(PrintWriter out) {
    this.out = out;
  }

  void write(String file, Violation violation) {
    out.println(JsonLines.line(object(file, violation)));
  }

  /**
   * One violation as the JSON object of its line; {@code tables} writes the same objects as the
   * rows of {@code violations.csv}.
   *
   * @param file the file the violation was found in
   * @param violation the violation
   * @return the object, fields in the order of the line
   */
  static ObjectNode object(String file, Violation violation) {
    ObjectNode line = JsonLines.object();
    line.put("file", file);
    line.put("group", violation.groupId());
    if (violation.sessionId().isPresent()) {
      line.put("session", violation.sessionId().get());
    } else {
      line.putNull("session");
    }
    if (violation.contributionIndex().isPresent()) {
      line.put("contribution", violation.contributionIndex().getAsInt());
    } else {
      line.putNull("contribution");
    }
    line.put("rule", violation.ruleId());
    line.put("severity", violation.severity().name());
    line.put("message", violation.message());
    return line;
  }
}
