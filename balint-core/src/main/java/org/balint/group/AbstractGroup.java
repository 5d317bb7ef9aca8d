package org.balint.group;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.balint.Extensions;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * A Balint group: its leaders and its members.
 *
 * <p>Ids are unique across leaders and members together (the roster). A group that breaks the
 * method, for example one of twelve members, is still a valid object: the method's rules report it
 * as a violation.
 */
@Value.Immutable
public abstract class AbstractGroup {
  /**
   * The group's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The group's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The leaders, in the order given.
   *
   * @return the leaders (the method expects one or two)
   */
  public abstract ImmutableList<Leader> leaders();

  /**
   * The members, in the order given.
   *
   * @return the members
   */
  public abstract ImmutableList<Member> members();

  /**
   * Extension data kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  /**
   * The ids of the roster: leaders then members.
   *
   * @return every id on the roster
   */
  @Value.Derived
  @Value.Auxiliary
  public ImmutableSet<String> rosterIds() {
    ImmutableSet.Builder<String> ids = ImmutableSet.builder();
    leaders().forEach(leader -> ids.add(leader.id()));
    members().forEach(member -> ids.add(member.id()));
    return ids.build();
  }

  /**
   * The leaders who have not left, in the order given.
   *
   * @return the current leaders
   */
  public ImmutableList<Leader> currentLeaders() {
    return leaders().stream().filter(Person::isCurrent).collect(ImmutableList.toImmutableList());
  }

  /**
   * The members who have not left, in the order given.
   *
   * @return the current members
   */
  public ImmutableList<Member> currentMembers() {
    return members().stream().filter(Person::isCurrent).collect(ImmutableList.toImmutableList());
  }

  /**
   * Finds someone on the roster, leader or member, by id.
   *
   * @param id the person's id
   * @return the person, or empty if no one on the roster has that id
   */
  public Optional<Person> person(String id) {
    Optional<Person> leader = leader(id).map(Person.class::cast);
    return leader.isPresent() ? leader : member(id).map(Person.class::cast);
  }

  /**
   * Finds a leader by id.
   *
   * @param id the leader's id
   * @return the leader, or empty if no leader has that id
   */
  public Optional<Leader> leader(String id) {
    checkNotNull(id, "id must not be null");
    return leaders().stream().filter(leader -> leader.id().equals(id)).findFirst();
  }

  /**
   * Finds a member by id.
   *
   * @param id the member's id
   * @return the member, or empty if no member has that id
   */
  public Optional<Member> member(String id) {
    checkNotNull(id, "id must not be null");
    return members().stream().filter(member -> member.id().equals(id)).findFirst();
  }

  /**
   * Tells whether an id is a leader of this group.
   *
   * @param id the id
   * @return true when a leader has this id
   */
  public boolean isLeader(String id) {
    return leader(id).isPresent();
  }

  @Value.Check
  void check() {
    Ids.check("group.id", id());
    Set<String> seen = new HashSet<>();
    for (Leader leader : leaders()) {
      checkArgument(
          seen.add(leader.id()),
          "group.leaders must not repeat an id, but \"%s\" appears twice",
          leader.id());
    }
    for (Member member : members()) {
      checkArgument(
          seen.add(member.id()),
          "group.members must not repeat an id of the roster, but \"%s\" appears twice",
          member.id());
    }
  }
}
