package org.balint.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.GroupRecord;

/**
 * The retention loop every store shares: which groups are due for a purge, what each loses, and
 * (when applied) the checked write of what is left. Stores only provide the primitives: reading the
 * policy, the record and its violations, and {@link GroupRepository#storePurge}.
 */
final class RetentionRun {
  private RetentionRun() {}

  /**
   * Works out, and if asked applies, every group's purge at a time.
   *
   * @param groups the repository
   * @param now the time at which the policies are applied
   * @param apply whether to write the purged records, or only say what would go
   * @return one entry per group that loses something, by group id
   */
  static ImmutableList<GroupPurge> run(GroupRepository groups, Instant now, boolean apply) {
    checkNotNull(now, "now must not be null");
    ImmutableList.Builder<GroupPurge> purges = ImmutableList.builder();
    for (String groupId : groups.groupIds()) {
      Optional<GroupPurge> purged =
          apply
              ? untilNoConflict(() -> purgeGroup(groups, groupId, now, true))
              : purgeGroup(groups, groupId, now, false);
      purged.ifPresent(purges::add);
    }
    return purges.build();
  }

  /**
   * One group's purge: the record is read, cut down by the group's policy, and written back only if
   * no other write came in between (the store's version check).
   */
  private static Optional<GroupPurge> purgeGroup(
      GroupRepository groups, String groupId, Instant now, boolean apply) {
    RetentionPolicy policy = groups.retention(groupId).orElse(RetentionPolicy.keepEverything());
    if (policy.equals(RetentionPolicy.keepEverything())) {
      return Optional.empty();
    }
    Optional<Versioned<GroupRecord>> stored = groups.findRecord(groupId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    RetentionPurge purge = policy.purge(stored.get().value(), now);
    if (purge.isEmpty()) {
      return Optional.empty();
    }
    if (apply) {
      groups.storePurge(
          purge,
          GroupPurge.violationsAfter(groups.violations(groupId), purge),
          stored.get().version());
    }
    return Optional.of(GroupPurge.of(groupId, purge));
  }

  /**
   * Runs a read-then-checked-write until no other write comes in between, at most {@link
   * GroupRepository#MERGE_ATTEMPTS} times.
   *
   * @param attempt one attempt, which reads afresh and throws {@link VersionConflictException} if
   *     its write found a newer version
   * @param <T> the attempt's result
   * @return the result of the first attempt without a conflict
   * @throws VersionConflictException if every attempt met one
   */
  static <T> T untilNoConflict(Supplier<T> attempt) {
    for (int attempts = 1; ; attempts++) {
      try {
        return attempt.get();
      } catch (VersionConflictException conflict) {
        if (attempts >= GroupRepository.MERGE_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }
}
