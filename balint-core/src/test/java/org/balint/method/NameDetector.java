package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import org.balint.privacy.Identifier;
import org.balint.privacy.IdentifierDetector;
import org.balint.privacy.IdentifierType;

/** A detector for tests that finds one given name, at its first place in a text. */
public final class NameDetector implements IdentifierDetector {
  private final String name;

  /**
   * Makes a detector of one name.
   *
   * @param name the name to find, such as {@code Mrs Jane Smith}
   */
  public NameDetector(String name) {
    checkArgument(!name.isEmpty(), "name must not be empty");
    this.name = name;
  }

  @Override
  public ImmutableList<Identifier> detect(String text) {
    int at = text.indexOf(name);
    return at < 0
        ? ImmutableList.of()
        : ImmutableList.of(
            Identifier.builder()
                .type(IdentifierType.NAME)
                .start(at)
                .end(at + name.length())
                .text(name)
                .build());
  }
}
