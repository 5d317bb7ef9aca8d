package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.GroupRecord;

/**
 * A group repository that forwards every call to another one, in the manner of Guava's {@code
 * Forwarding*} classes: a decorator overrides the methods it changes. {@link #store(GroupRecord)}
 * is not forwarded: it calls {@link #store(GroupRecord, List)} of this repository, so that a
 * decorator's check of the one also covers the other.
 */
public abstract class ForwardingGroupRepository implements GroupRepository {
  /** Constructor for use by subclasses. */
  protected ForwardingGroupRepository() {}

  /**
   * The repository calls are forwarded to.
   *
   * @return the delegate
   */
  protected abstract GroupRepository delegate();

  @Override
  public long store(GroupRecord record, List<Violation> violations) {
    return delegate().store(record, violations);
  }

  @Override
  public long replace(GroupRecord record, List<Violation> violations, long expectedVersion) {
    return delegate().replace(record, violations, expectedVersion);
  }

  @Override
  public Versioned<RecordMerge> merge(
      GroupRecord document, Function<? super GroupRecord, ? extends List<Violation>> validation) {
    return delegate().merge(document, validation);
  }

  @Override
  public Optional<Versioned<Group>> findGroup(String groupId) {
    return delegate().findGroup(groupId);
  }

  @Override
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    return delegate().findRecord(groupId);
  }

  @Override
  public ImmutableList<Violation> violations(String groupId) {
    return delegate().violations(groupId);
  }

  @Override
  public ImmutableList<String> groupIds() {
    return delegate().groupIds();
  }

  @Override
  public boolean delete(String groupId) {
    return delegate().delete(groupId);
  }

  @Override
  public Optional<RetentionPolicy> retention(String groupId) {
    return delegate().retention(groupId);
  }

  @Override
  public void setRetention(String groupId, RetentionPolicy policy) {
    delegate().setRetention(groupId, policy);
  }

  @Override
  public ImmutableList<GroupPurge> duePurges(Instant now) {
    return delegate().duePurges(now);
  }

  @Override
  public ImmutableList<GroupPurge> purge(Instant now) {
    return delegate().purge(now);
  }

  @Override
  public long storePurge(RetentionPurge purge, List<Violation> violations, long expectedVersion) {
    return delegate().storePurge(purge, violations, expectedVersion);
  }
}
