package org.balint.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * Who asks for a group's data: an id, the groups the caller is a member or leader of, and any
 * platform-wide roles ({@link AccessRole#ADMINISTRATOR}, {@link AccessRole#RESEARCHER}).
 */
@Value.Immutable
public abstract class AbstractCaller {
  /**
   * The caller's id on the embedding platform.
   *
   * @return the id, not blank
   */
  public abstract String id();

  /**
   * The ids of the groups the caller is a member of.
   *
   * @return the group ids, each well-formed
   */
  public abstract ImmutableSet<String> memberOf();

  /**
   * The ids of the groups the caller leads.
   *
   * @return the group ids, each well-formed
   */
  public abstract ImmutableSet<String> leaderOf();

  /**
   * The caller's platform-wide roles.
   *
   * @return the roles, each {@link AccessRole#isPlatformWide() platform-wide}
   */
  public abstract ImmutableSet<AccessRole> platformRoles();

  /**
   * The roles the caller holds for one group.
   *
   * @param groupId the group's id
   * @return the roles, possibly none
   * @throws NullPointerException if {@code groupId} is null
   */
  public ImmutableSet<AccessRole> rolesIn(String groupId) {
    checkNotNull(groupId, "groupId must not be null");
    EnumSet<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
    roles.addAll(platformRoles());
    if (memberOf().contains(groupId)) {
      roles.add(AccessRole.MEMBER);
    }
    if (leaderOf().contains(groupId)) {
      roles.add(AccessRole.LEADER);
    }
    return Sets.immutableEnumSet(roles);
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "caller.id must not be blank, but was \"%s\"", id());
    memberOf().forEach(groupId -> Ids.check("caller.memberOf", groupId));
    leaderOf().forEach(groupId -> Ids.check("caller.leaderOf", groupId));
    for (AccessRole role : platformRoles()) {
      checkArgument(
          role.isPlatformWide(),
          "caller.platformRoles must hold only ADMINISTRATOR or RESEARCHER, but held %s; "
              + "use memberOf or leaderOf for group roles",
          role);
    }
  }
}
