package org.balint.store;

import org.junit.jupiter.api.Nested;

/**
 * The whole store contract for one kind of store: a store's test class extends this, says how to
 * open a fresh, empty store, and inherits the contracts (groups, sessions, confidentiality,
 * retention, access) as nested test classes.
 */
public abstract class StoreContractSuite {
  /**
   * Opens a fresh store that holds nothing, isolated from every other test's store.
   *
   * @return the store
   */
  protected abstract BalintStore openEmpty();

  /** The group repository's contract on this suite's store. */
  @Nested
  public class Groups extends GroupRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** The session repository's contract on this suite's store. */
  @Nested
  public class Sessions extends SessionRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** Merging documents into what is stored, on this suite's store. */
  @Nested
  public class Merge extends MergeContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** Speakers' consent, every stored string and retention, through every write. */
  @Nested
  public class WriteGuards extends WriteGuardContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** Consent and identifiers refused through every write, on this suite's store. */
  @Nested
  public class Confidentiality extends ConfidentialityContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** Retention policies and purges on this suite's store. */
  @Nested
  public class Retention extends RetentionContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }

  /** Reads through the access policy on this suite's store. */
  @Nested
  public class Access extends AccessContract {
    @Override
    protected BalintStore newStore() {
      return openEmpty();
    }
  }
}
