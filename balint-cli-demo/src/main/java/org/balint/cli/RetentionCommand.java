package org.balint.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.balint.jdbc.JdbcStore;
import org.balint.privacy.RetentionPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code balint retention GROUP_ID [--contributions-days N] [--titles-days M] [--keep-everything]
 * [--db JDBC_URL]}: shows a stored group's retention policy or sets it. A policy given replaces the
 * old one whole: an option left out means "kept" for that part. It stays with the group when the
 * group is imported again; {@code balint purge} applies it. Exit 2 if the group is not stored.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description =
        "Show or set how long a stored group keeps what was said: contributions (and case titles)"
            + " are deleted that many days after each session by 'balint purge'; attendance is kept.")
final class RetentionCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GROUP_ID", description = "The id of a stored group.")
  private String groupId;

  @Option(
      names = "--contributions-days",
      paramLabel = "N",
      description = "Delete contributions N days after each session.")
  private @Nullable Integer contributionsDays;

  @Option(
      names = "--titles-days",
      paramLabel = "M",
      description = "Delete case titles M days after each session.")
  private @Nullable Integer titlesDays;

  @Option(
      names = "--keep-everything",
      description = "Remove the policy: keep everything until deleted by hand.")
  private boolean keepEverything;

  @Mixin private StoreOption storeOption;

  @Override
  public Integer call() {
    Optional<RetentionPolicy> policy = requested();
    PrintWriter out = spec.commandLine().getOut();
    try (JdbcStore store = storeOption.open()) {
      if (store.groups().retention(groupId).isEmpty()) {
        throw new CliFailure(
            ExitCodes.BAD_INPUT, "no group \"" + groupId + "\" in " + storeOption.describe());
      }
      if (policy.isPresent()) {
        store.groups().setRetention(groupId, policy.get());
      }
      RetentionPolicy now = store.groups().retention(groupId).orElseThrow();
      out.println(groupId + ": " + describe(now));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The policy the options ask for, or empty when they ask only to show it. */
  private Optional<RetentionPolicy> requested() {
    boolean periods = contributionsDays != null || titlesDays != null;
    if (keepEverything && periods) {
      throw new CliFailure(
          ExitCodes.BAD_INPUT,
          "--keep-everything cannot be combined with --contributions-days or --titles-days");
    }
    if (keepEverything) {
      return Optional.of(RetentionPolicy.keepEverything());
    }
    if (!periods) {
      return Optional.empty();
    }
    RetentionPolicy.Builder policy = RetentionPolicy.builder();
    if (contributionsDays != null) {
      policy.contributionsKeptFor(days("--contributions-days", contributionsDays));
    }
    if (titlesDays != null) {
      policy.caseTitlesKeptFor(days("--titles-days", titlesDays));
    }
    return Optional.of(policy.build());
  }

  private static Duration days(String option, int days) {
    if (days < 0) {
      throw new CliFailure(ExitCodes.BAD_INPUT, option + " must be 0 or more, but was " + days);
    }
    return Duration.ofDays(days);
  }

  /** {@code contributions kept for 90 days after each session; case titles kept for good}. */
  static String describe(RetentionPolicy policy) {
    return "contributions kept "
        + period(policy.contributionsKeptFor(), "until deleted by hand")
        + "; case titles kept "
        + period(policy.caseTitlesKeptFor(), "for good");
  }

  private static String period(Optional<Duration> kept, String otherwise) {
    if (kept.isEmpty()) {
      return otherwise;
    }
    Duration duration = kept.get();
    String length =
        duration.equals(Duration.ofDays(duration.toDays()))
            ? duration.toDays() + " day" + (duration.toDays() == 1 ? "" : "s")
            : duration.toString();
    return "for " + length + " after each session";
  }
}
