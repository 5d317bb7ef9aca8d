package org.balint.json;

import org.jspecify.annotations.Nullable;

/**
 * A JSON path kept as its parent and last step, spelled out only when a message needs it: the
 * reader makes one for every value it reads, and almost none is ever shown.
 */
final class JsonPath {
  /** The path of the document itself, {@code $}. */
  static final JsonPath ROOT = new JsonPath(null, JsonPaths.ROOT, -1);

  /** The parent, or null for the root and for a path given spelled out. */
  private final @Nullable JsonPath parent;

  /** The field name, or the whole path when {@code parent} is null; null for an array element. */
  private final @Nullable String name;

  private final int index;

  private JsonPath(@Nullable JsonPath parent, @Nullable String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** A path given spelled out, such as {@code $.extensions.a[0]}. */
  static JsonPath spelled(String path) {
    return new JsonPath(null, path, -1);
  }

  /** The path of a field of the object at this path. */
  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  /** The path of an element of the array at this path. */
  JsonPath element(int index) {
    return new JsonPath(this, null, index);
  }

  /** The path as messages show it, such as {@code $.sessions[2].contributions[14].phase}. */
  @Override
  public String toString() {
    if (parent == null) {
      return String.valueOf(name);
    }
    String parentPath = parent.toString();
    return name != null ? JsonPaths.field(parentPath, name) : JsonPaths.element(parentPath, index);
  }
}
