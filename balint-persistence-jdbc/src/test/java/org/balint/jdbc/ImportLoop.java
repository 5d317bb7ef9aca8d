package org.balint.jdbc;

import org.balint.session.GroupRecord;
import org.balint.store.StoreFixtures;

/**
 * The child process of {@link KillTest}: imports large records into a database, over and over,
 * until it is killed. Group {@code gN} receives records of variant N, N+7, N+14..., so re-imports
 * replace stored records as well as create new ones.
 */
public final class ImportLoop {
  /** How many groups the loop cycles through. */
  static final int GROUPS = 7;

  private ImportLoop() {}

  /**
   * Imports records until killed, printing {@code ready} once the store is open and {@code stored
   * N} after each record.
   *
   * @param args the JDBC URL, then the first variant
   */
  public static void main(String[] args) {
    try (JdbcStore store = JdbcStore.open(args[0])) {
      System.out.println("ready");
      System.out.flush();
      for (int variant = Integer.parseInt(args[1]); ; variant++) {
        GroupRecord record = record(variant);
        store.groups().store(record, StoreFixtures.violationsOf(record));
        System.out.println("stored " + variant);
        System.out.flush();
      }
    }
  }

  /**
   * The record the loop imports for a variant.
   *
   * @param variant the variant
   * @return the record, of group {@code g(variant mod 7)}
   */
  static GroupRecord record(int variant) {
    return StoreFixtures.largeRecord("g" + Math.floorMod(variant, GROUPS), variant, 12, 40);
  }
}
