package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value as read from a store, with the version it had: pass the version back to a checked write
 * so that it fails rather than overwrite someone else's change.
 *
 * <p>Versions start at 1 and grow by one with every write; {@link #ABSENT} (0) stands for "not
 * stored".
 *
 * @param <T> the type of the value
 */
public final class Versioned<T> {
  /** The version of something not stored: a checked write with it expects to create. */
  public static final long ABSENT = 0;

  private final T value;
  private final long version;

  private Versioned(T value, long version) {
    this.value = value;
    this.version = version;
  }

  /**
   * Pairs a value with its version.
   *
   * @param value the value
   * @param version its version, at least 1
   * @param <T> the type of the value
   * @return the versioned value
   * @throws IllegalArgumentException if {@code version} is less than 1
   */
  public static <T> Versioned<T> of(T value, long version) {
    checkNotNull(value, "value must not be null");
    checkArgument(version >= 1, "version must be at least 1, but was %s", version);
    return new Versioned<>(value, version);
  }

  /**
   * The value.
   *
   * @return the value as read
   */
  public T value() {
    return value;
  }

  /**
   * The version the value had when read.
   *
   * @return the version, at least 1
   */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Versioned)) {
      return false;
    }
    Versioned<?> that = (Versioned<?>) other;
    return version == that.version && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, version);
  }

  @Override
  public String toString() {
    return value + " (version " + version + ")";
  }
}
