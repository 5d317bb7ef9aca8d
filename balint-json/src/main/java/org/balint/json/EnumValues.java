package org.balint.json;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The constants of an enum by name, and the list of them that a message shows, built once: the
 * reader looks a value up for every enum field and spells the list only when the value is wrong.
 *
 * @param <E> the enum
 */
final class EnumValues<E extends Enum<E>> {
  private final ImmutableMap<String, E> byName;
  private final String allowed;

  private EnumValues(Class<E> type) {
    E[] constants = type.getEnumConstants();
    this.byName = Arrays.stream(constants).collect(ImmutableMap.toImmutableMap(Enum::name, e -> e));
    this.allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The constants of {@code type}. */
  static <E extends Enum<E>> EnumValues<E> of(Class<E> type) {
    return new EnumValues<>(type);
  }

  /** The constant named {@code name}, or null. */
  @Nullable E get(String name) {
    return byName.get(name);
  }

  /** The names, comma-separated, for messages. */
  String allowed() {
    return allowed;
  }
}
