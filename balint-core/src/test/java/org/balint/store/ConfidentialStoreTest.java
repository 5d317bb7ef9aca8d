package org.balint.store;

import static org.balint.store.StoreFixtures.richRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfidentialStore} around a platform's own store, one that checks nothing: the refused
 * writes never reach it.
 */
class ConfidentialStoreTest extends StoreContractSuite {
  /** A platform's store that keeps whatever it is given. */
  private static BalintStore uncheckedPlatformStore() {
    return new InMemoryRepositories();
  }

  @Override
  protected BalintStore openEmpty() {
    return ConfidentialStore.of(uncheckedPlatformStore());
  }

  @Test
  void wrappedPlatformStore_neverReceivesARefusedWrite() {
    BalintStore platform = uncheckedPlatformStore();
    BalintStore wrapped = ConfidentialStore.of(platform);
    GroupRecord record = richRecord("riverside", 1);
    Session first = record.sessions().get(0);
    GroupRecord unconsented =
        record.withSessions(
            ImmutableList.of(
                first.withRecording(first.recording().map(r -> r.withConsent(ImmutableList.of()))),
                record.sessions().get(1),
                record.sessions().get(2)));

    assertThrows(ConsentMissingException.class, () -> wrapped.groups().store(unconsented));

    assertEquals(ImmutableList.of(), platform.groups().groupIds());
    platform.groups().store(unconsented);
    assertEquals(ImmutableList.of("riverside"), platform.groups().groupIds());
  }

  @Test
  void of_aStoreWrappedAlready_isThatStore() {
    ConfidentialStore wrapped = ConfidentialStore.of(uncheckedPlatformStore());

    assertSame(wrapped, ConfidentialStore.of(wrapped));
  }
}
