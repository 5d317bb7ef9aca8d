package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Map;

/**
 * A read-only map from non-zero {@code long} keys to {@code long} values by two-choice (cuckoo)
 * hashing: each key sits at its slot in one of two tables, so that a lookup reads both slots and
 * picks the value without a branch. The classifier's hot path uses it for its word and transition
 * lookups because, there, a mispredicted branch costs more than the second load it would save.
 *
 * <p>A hot loop can keep a table's fields in local variables and look keys up with the static
 * {@link #get(long[], long, long, int, long, long)}: nothing is then reloaded through the table
 * object, and every index is masked with the array's length, so the JIT drops the bounds checks.
 */
final class CuckooTable {
  /** Odd multipliers for the two tables' hashes, tried in turn until every key has a slot. */
  private static final long[] MULTIPLIERS = {
    0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L, 0xD6E8FEB86659FD93L,
    0xFF51AFD7ED558CCDL, 0xC4CEB9FE1A85EC53L, 0x94D049BB133111EBL, 0xBF58476D1CE4E5B9L
  };

  /**
   * Both tables in one array: slot {@code i} of the first holds its key at {@code 2i} and its
   * value at {@code 2i + 1}; the second table is the upper half. Free slots hold key 0.
   */
  final long[] table;
  /** The two hashes' multipliers: a key's slot in a table is the top bits of the product. */
  final long multiplier1;
  final long multiplier2;
  /** How far a product is shifted right to give a slot number: 64 minus log2 of a table's size. */
  final int shift;

  private CuckooTable(int size, int attempt) {
    table = new long[4 * size];
    multiplier1 = MULTIPLIERS[(2 * attempt) % MULTIPLIERS.length] + 2L * attempt;
    multiplier2 = MULTIPLIERS[(2 * attempt + 1) % MULTIPLIERS.length] + 2L * attempt;
    shift = Long.numberOfLeadingZeros(size - 1);
  }

  /**
   * Builds a table holding the given entries.
   *
   * @param entries by key, not 0, the value
   * @return the table
   * @throws IllegalArgumentException if a key is 0, or the entries are too many to place
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
        if (kicks > table.length) {
          return false;
        }
        int at = first
            ? index1(table, multiplier1, shift, key)
            : index2(table, multiplier2, shift, key);
        long evicted = table[at];
        long evictedValue = table[at + 1];
        table[at] = key;
        table[at + 1] = value;
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

  /** The index of a key's slot in the first table, the lower half of the array. */
  private static int index1(long[] table, long multiplier, int shift, long key) {
    return (int) ((key * multiplier) >>> shift) << 1 & (table.length - 1);
  }

  /** The index of a key's slot in the second table, the upper half of the array. */
  private static int index2(long[] table, long multiplier, int shift, long key) {
    return ((int) ((key * multiplier) >>> shift) << 1 | table.length >>> 1) & (table.length - 1);
  }

  /**
   * The value of a key, or a default.
   *
   * @param key the key
   * @param otherwise the value if the table does not hold the key
   * @return the value
   */
  long get(long key, long otherwise) {
    return get(table, multiplier1, multiplier2, shift, key, otherwise);
  }

  /**
   * The value of a key in a table given by its fields, or a default: for a hot loop that keeps
   * the fields in local variables.
   *
   * @param table the table's {@link #table}
   * @param multiplier1 its {@link #multiplier1}
   * @param multiplier2 its {@link #multiplier2}
   * @param shift its {@link #shift}
   * @param key the key, not 0
   * @param otherwise the value if the table does not hold the key
   * @return the value
   */
  static long get(long[] table, long multiplier1, long multiplier2, int shift, long key,
      long otherwise) {
    int mask = table.length - 1;
    int at1 = index1(table, multiplier1, shift, key);
    int at2 = index2(table, multiplier2, shift, key);
    long d1 = table[at1] ^ key;
    long d2 = table[at2] ^ key;
    // All ones where the slot holds the key, all zeros elsewhere: a select without a branch.
    long hit1 = ~((d1 | -d1) >> 63);
    long hit2 = ~((d2 | -d2) >> 63);
    return (table[(at1 + 1) & mask] & hit1) | (table[(at2 + 1) & mask] & hit2)
        | (otherwise & ~(hit1 | hit2));
  }

  /**
   * The number of slots in both tables.
   *
   * @return the slot count
   */
  int slots() {
    return table.length / 2;
  }
}
