package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Map;

/**
 * A read-only map from non-zero {@code long} keys to {@code long} values by two-choice (cuckoo)
 * hashing: each key sits at its slot in one of two tables, so that a lookup reads both slots and
 * picks the value without a branch. The classifier's hot path uses it for its word and transition
 * lookups because, there, a mispredicted branch costs more than the second load it would save.
 */
final class CuckooTable {
  /** Odd multipliers for the two tables' hashes, tried in turn until every key has a slot. */
  private static final long[] MULTIPLIERS = {
    0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L, 0xD6E8FEB86659FD93L,
    0xFF51AFD7ED558CCDL, 0xC4CEB9FE1A85EC53L, 0x94D049BB133111EBL, 0xBF58476D1CE4E5B9L
  };

  private final long[] keys1;
  private final long[] keys2;
  private final long[] values1;
  private final long[] values2;
  private final long multiplier1;
  private final long multiplier2;
  private final int shift;

  private CuckooTable(int size, int attempt) {
    keys1 = new long[size];
    keys2 = new long[size];
    values1 = new long[size];
    values2 = new long[size];
    multiplier1 = MULTIPLIERS[(2 * attempt) % MULTIPLIERS.length] + 2L * attempt;
    multiplier2 = MULTIPLIERS[(2 * attempt + 1) % MULTIPLIERS.length] + 2L * attempt;
    shift = Long.numberOfLeadingZeros(size - 1);
  }

  /**
   * Builds a table holding the given entries.
   *
   * @param entries by key, not 0, the value
   * @return the table
   */
  static CuckooTable of(Map<Long, Long> entries) {
    int size = Integer.highestOneBit(Math.max(4, entries.size())) * 2;
    for (int attempt = 0; ; attempt++) {
      if (attempt > 0 && attempt % 8 == 0) {
        size *= 2; // each table at most a quarter full, then an eighth, ...
      }
      CuckooTable table = new CuckooTable(size, attempt);
      if (table.placeAll(entries)) {
        return table;
      }
    }
  }

  /** Places every entry, moving others to their other slot; false if a cycle is met. */
  private boolean placeAll(Map<Long, Long> entries) {
    for (Map.Entry<Long, Long> entry : entries.entrySet()) {
      long key = entry.getKey();
      long value = entry.getValue();
      checkArgument(key != 0, "0 cannot be a key");
      boolean first = true;
      for (int kicks = 0; ; kicks++) {
        if (kicks > 4 * keys1.length) {
          return false;
        }
        long[] keys = first ? keys1 : keys2;
        long[] values = first ? values1 : values2;
        int s = (int) ((key * (first ? multiplier1 : multiplier2)) >>> shift);
        long evicted = keys[s];
        long evictedValue = values[s];
        keys[s] = key;
        values[s] = value;
        if (evicted == 0) {
          break;
        }
        key = evicted;
        value = evictedValue;
        first = !first;
      }
    }
    return true;
  }

  /**
   * The value of a key, or a default.
   *
   * @param key the key
   * @param otherwise the value if the table does not hold the key
   * @return the value
   */
  long get(long key, long otherwise) {
    int s1 = (int) ((key * multiplier1) >>> shift);
    int s2 = (int) ((key * multiplier2) >>> shift);
    long d1 = keys1[s1] ^ key;
    long d2 = keys2[s2] ^ key;
    // All ones where the slot holds the key, all zeros elsewhere: a select without a branch.
    long hit1 = ~((d1 | -d1) >> 63);
    long hit2 = ~((d2 | -d2) >> 63);
    return (values1[s1] & hit1) | (values2[s2] & hit2) | (otherwise & ~(hit1 | hit2));
  }

  /**
   * The number of slots in both tables.
   *
   * @return the slot count
   */
  int slots() {
    return 2 * keys1.length;
  }
}
