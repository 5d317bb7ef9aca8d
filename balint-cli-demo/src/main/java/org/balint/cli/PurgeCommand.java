package org.balint.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.balint.jdbc.JdbcStore;
import org.balint.store.GroupPurge;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code balint purge [--db JDBC_URL] [--dry-run [--at INSTANT]]}: applies every stored group's
 * retention policy (set with {@code balint retention}) now, deleting the contributions and case
 * titles whose time is up, and prints what was deleted; with {@code --dry-run} it prints what would
 * be deleted and deletes nothing. Attendance is always kept. Exit 0, or 3 on a storage failure.
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description =
        "Apply every group's retention policy: delete the contributions and case titles whose"
            + " time is up (attendance is kept). Set a group's policy with 'balint retention'.")
final class PurgeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOption storeOption;

  @Option(names = "--dry-run", description = "Print what would be purged, and purge nothing.")
  private boolean dryRun;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "With --dry-run: what would be purged at this time (ISO-8601, e.g. 2027-01-01T00:00:00Z) instead of now.")
  private @Nullable String at;

  @Override
  public Integer call() {
    if (at != null && !dryRun) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT, "--at is only for a --dry-run: a purge deletes what is due now");
    }
    Instant now = at == null ? Instant.now() : instant(at);
    PrintWriter out = spec.commandLine().getOut();
    List<GroupPurge> purges;
    try (JdbcStore store = storeOption.open()) {
      purges = dryRun ? store.groups().duePurges(now) : store.groups().purge(now);
    }
    for (GroupPurge purge : purges) {
      out.println(describe(purge, dryRun));
    }
    int groups = purges.size();
    if (groups == 0) {
      out.println(dryRun ? "Nothing would be purged." : "Nothing to purge.");
    } else {
      out.printf(
          "%s %d group%s.%n", dryRun ? "Would purge" : "Purged", groups, groups == 1 ? "" : "s");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "--at must be an ISO-8601 instant such as 2027-01-01T00:00:00Z, but was \""
              + text
              + "\"");
    }
  }

  /** One line per group: {@code riverside: contributions deleted from 2 sessions (a, b); ...}. */
  static String describe(GroupPurge purge, boolean dryRun) {
    String verb = dryRun ? "would be deleted" : "deleted";
    StringBuilder line = new StringBuilder(purge.groupId()).append(": ");
    if (!purge.contributionsPurged().isEmpty()) {
      line.append("contributions ")
          .append(verb)
          .append(" from ")
          .append(sessions(purge.contributionsPurged()));
    }
    if (!purge.caseTitlesPurged().isEmpty()) {
      if (!purge.contributionsPurged().isEmpty()) {
        line.append("; ");
      }
      line.append("case titles ")
          .append(verb)
          .append(" from ")
          .append(sessions(purge.caseTitlesPurged()));
    }
    return line.toString();
  }

  private static String sessions(List<String> ids) {
    return ids.size()
        + " session"
        + (ids.size() == 1 ? "" : "s")
        + " ("
        + String.join(", ", ids)
        + ")";
  }
}
