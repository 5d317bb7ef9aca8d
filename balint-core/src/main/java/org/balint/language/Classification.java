package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableList;
import java.util.function.Supplier;
import org.balint.session.ContributionKind;
import org.jspecify.annotations.Nullable;

/**
 * The kind a classifier gave a contribution, with the cues that decided it.
 *
 * <p>Instances are immutable values: two are equal when their kinds and their cue lists are equal,
 * however they were made. Build one with {@link #builder()}. A classification made by {@link
 * LexiconClassifier} finds its cues only when first asked for them, by {@link #cues()} (or {@link
 * #equals}, {@link #hashCode} or {@link #toString}): it scans the text again and makes the {@link
 * Cue} objects, with their {@code matched} substrings; later calls return the same list. Most
 * callers (validation, the kind mix of a session) need the kind alone and never pay for the cues.
 * This is invisible to callers, except that such a classification keeps a reference to the
 * classified text and its classifier until its cues are made. Instances are safe to share between
 * threads: two threads asking at once may each make the list, equal, and one of them is kept.
 */
public final class Classification {
  private final ContributionKind kind;
  /** The cues, once made; null while only the compact form below is known. */
  private @Nullable ImmutableList<Cue> cues;
  /**
   * Until the cues are made: the text, the entries' names, and what finds per cue its (entry,
   * start, end).
   */
  private final @Nullable String text;
  private final String @Nullable [] names;
  private final @Nullable Supplier<int[]> spans;

  private Classification(ContributionKind kind, ImmutableList<Cue> cues) {
    this.kind = kind;
    this.cues = cues;
    this.text = null;
    this.names = null;
    this.spans = null;
  }

  private Classification(
      ContributionKind kind, String text, String[] names, Supplier<int[]> spans) {
    this.kind = kind;
    this.text = text;
    this.names = names;
    this.spans = spans;
  }

  /**
   * A classification whose cues are found and made on first access.
   *
   * @param kind the kind decided, also each cue's kind
   * @param text the classified text
   * @param names the lexicon entries' names, by entry number; not copied, never changed
   * @param spans gives, per cue, in order, its entry number, start and end in {@code text}; asked
   *     at most once per thread that makes the cues
   * @return the classification
   */
  static Classification lazy(
      ContributionKind kind, String text, String[] names, Supplier<int[]> spans) {
    return new Classification(kind, text, names, spans);
  }

  /**
   * A classification without cues, for a default kind.
   *
   * @param kind the kind decided
   * @return the classification
   */
  static Classification withoutCues(ContributionKind kind) {
    return new Classification(kind, ImmutableList.of());
  }

  /**
   * The kind decided.
   *
   * @return the kind
   */
  public ContributionKind kind() {
    return kind;
  }

  /**
   * The cues that decided the kind, in order of position in the text; may be empty when the kind
   * is a default for the phase and role. Made on the first call for a classification from {@link
   * LexiconClassifier}, then kept.
   *
   * @return the cues
   */
  public ImmutableList<Cue> cues() {
    ImmutableList<Cue> result = cues;
    if (result == null) {
      result = makeCues();
      cues = result;
    }
    return result;
  }

  private ImmutableList<Cue> makeCues() {
    String source = checkNotNull(text, "text");
    String[] entries = checkNotNull(names, "names");
    int[] at = checkNotNull(spans, "spans").get();
    ImmutableList.Builder<Cue> list = ImmutableList.builderWithExpectedSize(at.length / 3);
    for (int i = 0; i < at.length; i += 3) {
      int start = at[i + 1];
      int end = at[i + 2];
      list.add(
          Cue.builder()
              .name(entries[at[i]])
              .kind(kind)
              .start(start)
              .end(end)
              .matched(source.substring(start, end))
              .build());
    }
    return list.build();
  }

  /**
   * Tells whether another object is a classification with the same kind and equal cues.
   *
   * @param another the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof Classification
        && kind == ((Classification) another).kind
        && cues().equals(((Classification) another).cues());
  }

  /**
   * A hash code over the kind and the cues.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + kind.hashCode();
    h += (h << 5) + cues().hashCode();
    return h;
  }

  /**
   * The kind and the cues, for diagnostics.
   *
   * @return {@code Classification{kind=..., cues=[...]}}
   */
  @Override
  public String toString() {
    return MoreObjects.toStringHelper("Classification")
        .add("kind", kind)
        .add("cues", cues())
        .toString();
  }

  /**
   * Starts building a classification.
   *
   * @return a new builder, without kind or cues
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Classification}: set the kind, add the cues in text order, then {@link
   * #build()}. Not thread-safe; use it at once rather than keep it.
   */
  public static final class Builder {
    private @Nullable ContributionKind kind;
    private ImmutableList.Builder<Cue> cues = ImmutableList.builder();

    private Builder() {}

    /**
     * Sets the kind decided.
     *
     * @param kind the kind
     * @return this builder
     * @throws NullPointerException if {@code kind} is null
     */
    public Builder kind(ContributionKind kind) {
      this.kind = checkNotNull(kind, "kind");
      return this;
    }

    /**
     * Adds one cue after those already added.
     *
     * @param cue the cue
     * @return this builder
     * @throws NullPointerException if {@code cue} is null
     */
    public Builder addCue(Cue cue) {
      cues.add(checkNotNull(cue, "cue"));
      return this;
    }

    /**
     * Adds cues after those already added.
     *
     * @param elements the cues, in order
     * @return this builder
     * @throws NullPointerException if an element is null
     */
    public Builder addCues(Cue... elements) {
      cues.add(elements);
      return this;
    }

    /**
     * Adds cues after those already added.
     *
     * @param elements the cues, in order
     * @return this builder
     * @throws NullPointerException if an element is null
     */
    public Builder addAllCues(Iterable<? extends Cue> elements) {
      cues.addAll(elements);
      return this;
    }

    /**
     * Replaces the cues added so far.
     *
     * @param elements the cues, in order
     * @return this builder
     * @throws NullPointerException if an element is null
     */
    public Builder cues(Iterable<? extends Cue> elements) {
      cues = ImmutableList.builder();
      return addAllCues(elements);
    }

    /**
     * Builds the classification.
     *
     * @return the classification, with the cues in the order added
     * @throws IllegalStateException if no kind was set
     */
    public Classification build() {
      if (kind == null) {
        throw new IllegalStateException("cannot build a Classification: kind is not set");
      }
      return new Classification(kind, cues.build());
    }
  }
}
