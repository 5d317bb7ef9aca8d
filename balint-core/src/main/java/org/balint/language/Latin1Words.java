package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exact table from folded Latin-1 words to {@code long} values, read straight from a byte
 * buffer: the word and stem tables of {@link PhraseMatcher}'s fast path.
 *
 * <p>A word of up to 8 characters is its own key: its bytes packed little-endian into a {@code
 * long} (a word has no zero byte, so the key also gives its length), looked up in a {@link
 * CuckooTable} without a branch; no hash can make two words equal. Longer words are hashed
 * over their 8-byte chunks and compared chunk by chunk with the stored word.
 */
final class Latin1Words {
  /** Reads 8 bytes of a {@code byte[]} as one little-endian {@code long}. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The first {@code n} bytes of a little-endian {@code long}, the others cleared: the key of a
   * word of {@code n} bytes read with the 8 bytes from its start.
   *
   * @param bytes 8 bytes read little-endian
   * @param n how many to keep, 1 to 8
   * @return the key
   */
  static long prefix(long bytes, int n) {
    return bytes & (-1L >>> (64 - (n << 3)));
  }

  /** The short words: by key, the value. Read directly by the matcher's hot loop. */
  final CuckooTable shortWords;
  /** The long words: per slot, (hash << 32) | (entry + 1), 0 for a free slot. */
  private final CuckooTable longWords;
  /** Per long word entry: its value, length, and first chunk in {@link #chunks}. */
  private final long[] longValue;
  private final int[] longLength;
  private final int[] longFirst;
  /** The long words' bytes, 8 to a {@code long}, the last chunk of each padded with zeros. */
  private final long[] chunks;

  private Latin1Words(Builder b, CuckooTable shortWords) {
    this.shortWords = shortWords;
    longWords = CuckooTable.of(b.longKeys);
    longValue = Arrays.copyOf(b.longValue, b.longCount);
    longLength = Arrays.copyOf(b.longLength, b.longCount);
    longFirst = Arrays.copyOf(b.longFirst, b.longCount);
    chunks = Arrays.copyOf(b.chunks, b.chunkCount);
  }

  /**
   * Whether every character of a folded word is Latin-1, so that the table can hold it.
   *
   * @param word a folded word
   * @return whether it fits
   */
  static boolean fits(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 0xFF) {
        return false;
      }
    }
    return !word.isEmpty();
  }

  /** Collects the words, then sizes and fills the tables. */
  static final class Builder {
    private final Map<String, Long> words = new LinkedHashMap<>();
    /** The long words: by the hash of their chunks, their entry number plus one. */
    final Map<Long, Long> longKeys = new LinkedHashMap<>();
    long[] longValue = new long[8];
    int[] longLength = new int[8];
    int[] longFirst = new int[8];
    int longCount;
    long[] chunks = new long[16];
    int chunkCount;

    /**
     * Adds a word.
     *
     * @param word a folded word whose characters are all Latin-1 ({@link #fits})
     * @param value its value, not 0
     */
    void put(String word, long value) {
      checkArgument(fits(word) && value != 0, "cannot hold %s", word);
      words.put(word, value);
    }

    Latin1Words build() {
      Map<Long, Long> shortKeys = new LinkedHashMap<>();
      words.forEach(
          (word, value) -> {
            if (word.length() <= 8) {
              shortKeys.put(pack(word, 0), value);
            } else {
              addLong(word, value);
            }
          });
      return new Latin1Words(this, CuckooTable.of(shortKeys));
    }

    private void addLong(String word, long value) {
      int entry = longCount++;
      if (entry == longValue.length) {
        longValue = Arrays.copyOf(longValue, entry * 2);
        longLength = Arrays.copyOf(longLength, entry * 2);
        longFirst = Arrays.copyOf(longFirst, entry * 2);
      }
      longValue[entry] = value;
      longLength[entry] = word.length();
      longFirst[entry] = chunkCount;
      for (int at = 0; at < word.length(); at += 8) {
        if (chunkCount == chunks.length) {
          chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = pack(word, at);
      }
      Long other = longKeys.put(
          longHash(chunks, longFirst[entry], chunkCount - longFirst[entry]), entry + 1L);
      checkArgument(other == null, "'%s' shares a hash with another long word; rename one", word);
    }

    /** Up to 8 characters of a word from {@code at}, packed little-endian. */
    private static long pack(String word, int at) {
      long key = 0;
      for (int i = Math.min(word.length(), at + 8) - 1; i >= at; i--) {
        key = (key << 8) | word.charAt(i);
      }
      return key;
    }

  }

  /** The 64-bit hash of a long word's chunks, never 0 (a table key). */
  private static long longHash(long[] chunks, int first, int count) {
    long h = 0;
    for (int c = first; c < first + count; c++) {
      h = hashStep(h, chunks[c]);
    }
    return h | 1;
  }

  /** One chunk into a long word's hash; {@link #longHash} and the lookup share it. */
  private static long hashStep(long h, long chunk) {
    return (h ^ chunk) * 0x9E3779B97F4A7C15L;
  }

  /**
   * The value of a word of up to 8 bytes, 0 if the table does not hold it.
   *
   * @param key the word's bytes packed little-endian, nothing above them
   * @return its value, or 0
   */
  long value(long key) {
    return shortWords.get(key, 0);
  }

  /**
   * The value of a word of more than 8 bytes, 0 if the table does not hold it.
   *
   * @param bytes the buffer; at least 8 readable bytes past the word's end
   * @param start the word's first byte
   * @param length the word's length, more than 8
   * @return its value, or 0
   */
  long value(byte[] bytes, int start, int length) {
    int end = start + length;
    long h = 0;
    for (int at = start; at < end; at += 8) {
      h = hashStep(h, chunk(bytes, at, end));
    }
    int entry = (int) longWords.get(h | 1, 0) - 1;
    return entry >= 0 && longLength[entry] == length
        && sameChunks(bytes, start, end, longFirst[entry]) ? longValue[entry] : 0;
  }

  private boolean sameChunks(byte[] bytes, int start, int end, int first) {
    for (int at = start, c = first; at < end; at += 8, c++) {
      if (chunk(bytes, at, end) != chunks[c]) {
        return false;
      }
    }
    return true;
  }

  /** The 8 bytes from {@code at}, those at or after {@code end} cleared. */
  private static long chunk(byte[] bytes, int at, int end) {
    long value = (long) LONGS.get(bytes, at);
    return prefix(value, Math.min(end - at, 8));
  }

  @Override
  public String toString() {
    return "Latin1Words{" + shortWords.slots() + " short slots, " + longValue.length + " long words}";
  }
}
