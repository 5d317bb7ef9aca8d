package org.balint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * The contents of an {@code "extensions"} object of a {@code balint/1} document, kept as is.
 *
 * <p>Core reads no JSON: an extension is carried as the compact JSON text of the object, so that a
 * document read and written again keeps it unchanged. The {@code balint-json} module parses and
 * writes it; a platform that stores it keeps the text.
 */
public final class Extensions {
  private final String json;

  private Extensions(String json) {
    this.json = json;
  }

  /**
   * Wraps the JSON text of an extensions object.
   *
   * @param json the JSON text of an object, as written by the JSON module (compact form)
   * @return the extensions
   * @throws IllegalArgumentException if {@code json} does not look like a JSON object
   */
  public static Extensions ofJson(String json) {
    checkNotNull(json, "extensions json must not be null");
    String trimmed = json.strip();
    checkArgument(
        trimmed.startsWith("{") && trimmed.endsWith("}"),
        "extensions must be a JSON object, but was %s",
        json);
    return new Extensions(trimmed);
  }

  /**
   * Returns the JSON text of the extensions object.
   *
   * @return the JSON text, beginning with {@code {}}
   */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Extensions && ((Extensions) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
