package org.balint.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSetMultimap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An access policy given as a matrix: for each role, the kinds of data it may see. A caller may see
 * a kind of a group's data when any role it holds in that group allows it.
 */
public final class MatrixAccessPolicy implements AccessPolicy {
  private static final MatrixAccessPolicy STANDARD =
      builder()
          .allow(AccessRole.MEMBER, DataKind.values())
          .allow(AccessRole.LEADER, DataKind.values())
          .allow(
              AccessRole.ADMINISTRATOR,
              DataKind.ROSTER,
              DataKind.ATTENDANCE,
              DataKind.TRAINING_RECORDS,
              DataKind.SESSION_METADATA)
          .allow(AccessRole.RESEARCHER, DataKind.RESEARCH_EXPORT)
          .build();

  private final ImmutableSetMultimap<AccessRole, DataKind> matrix;

  private MatrixAccessPolicy(ImmutableSetMultimap<AccessRole, DataKind> matrix) {
    this.matrix = matrix;
  }

  /**
   * The default matrix (see {@link AccessPolicy#standard()}).
   *
   * @return the standard policy
   */
  public static MatrixAccessPolicy standard() {
    return STANDARD;
  }

  /**
   * Starts an empty matrix, which allows nothing until told.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this matrix, to change a few cells.
   *
   * @return a new builder holding this matrix
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.cells.addAll(matrix.entries());
    return builder;
  }

  /**
   * Tells whether one role may see one kind of data.
   *
   * @param role the role
   * @param kind the kind of data
   * @return whether the matrix allows it
   * @throws NullPointerException if an argument is null
   */
  public boolean allows(AccessRole role, DataKind kind) {
    checkNotNull(role, "role must not be null");
    checkNotNull(kind, "kind must not be null");
    return matrix.containsEntry(role, kind);
  }

  @Override
  public boolean permits(Caller caller, String groupId, DataKind kind) {
    checkNotNull(caller, "caller must not be null");
    checkNotNull(kind, "kind must not be null");
    return caller.rolesIn(groupId).stream().anyMatch(role -> allows(role, kind));
  }

  @Override
  public String toString() {
    return "MatrixAccessPolicy" + matrix;
  }

  /** Builds a matrix cell by cell. */
  public static final class Builder {
    private final Set<Map.Entry<AccessRole, DataKind>> cells = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Lets a role see kinds of data.
     *
     * @param role the role
     * @param kinds the kinds it may see
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder allow(AccessRole role, DataKind... kinds) {
      checkNotNull(role, "role must not be null");
      for (DataKind kind : kinds) {
        cells.add(Map.entry(role, checkNotNull(kind, "kind must not be null")));
      }
      return this;
    }

    /**
     * Stops a role from seeing kinds of data.
     *
     * @param role the role
     * @param kinds the kinds it may no longer see
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder deny(AccessRole role, DataKind... kinds) {
      checkNotNull(role, "role must not be null");
      for (DataKind kind : kinds) {
        cells.remove(Map.entry(role, checkNotNull(kind, "kind must not be null")));
      }
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the matrix policy
     */
    public MatrixAccessPolicy build() {
      ImmutableSetMultimap.Builder<AccessRole, DataKind> matrix = ImmutableSetMultimap.builder();
      EnumSet.allOf(AccessRole.class)
          .forEach(
              role ->
                  cells.stream()
                      .filter(cell -> cell.getKey() == role)
                      .forEach(cell -> matrix.put(role, cell.getValue())));
      return new MatrixAccessPolicy(matrix.build());
    }
  }
}
